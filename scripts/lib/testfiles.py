"""Test inputs for the demo and the ingest checks, built at run time.

The EICAR anti-virus test string is assembled from pieces so that no file of this repository contains it
literally (a scanner on a developer's machine would otherwise quarantine our sources).

    python testfiles.py eicar-hex          # the EICAR string as hex, for a clamd .ndb signature
    python testfiles.py demo-inputs DIR    # writes the demo's inputs into DIR, prints their paths
"""
import os
import shutil
import sys

EICAR_PIECES = (
    "X5O!P%@AP[4\\PZX54(P^)7CC)7}$",
    "EICAR-STANDARD-ANTIVIRUS",
    "-TEST-FILE!$H+H*",
)


def eicar() -> bytes:
    return "".join(EICAR_PIECES).encode("ascii")


def real_dicom_files():
    """Real DICOM files from pydicom's test files and pydicom-data: explicit VR LE (CT), implicit VR LE
    (MR), encapsulated JPEG 2000 (NM), and a Siemens MR with private tags and overlays."""
    import pydicom.data
    import data_store

    tests = os.path.join(os.path.dirname(pydicom.data.__file__), "test_files")
    store = os.path.join(os.path.dirname(data_store.__file__), "data")
    return [
        os.path.join(tests, "CT_small.dcm"),
        os.path.join(tests, "MR_small_implicit.dcm"),
        os.path.join(tests, "JPEG2000.dcm"),
        os.path.join(store, "MR-SIEMENS-DICOM-WithOverlays.dcm"),
    ]


def dicom_with_eicar(source: str, target: str) -> None:
    """A real DICOM file with the EICAR string in a private element (0009,1010) OB."""
    import pydicom

    ds = pydicom.dcmread(source)
    block = ds.private_block(0x0009, "MUK DEMO", create=True)
    block.add_new(0x10, "OB", eicar())
    ds.save_as(target, enforce_file_format=True)


def demo_inputs(directory: str) -> list:
    os.makedirs(directory, exist_ok=True)
    paths = []
    for source in real_dicom_files():
        target = os.path.join(directory, os.path.basename(source))
        shutil.copyfile(source, target)
        paths.append(target)
    infected_dicom = os.path.join(directory, "MR_small_with_eicar.dcm")
    dicom_with_eicar(real_dicom_files()[1], infected_dicom)
    paths.append(infected_dicom)
    eicar_jpg = os.path.join(directory, "eicar.jpg")
    with open(eicar_jpg, "wb") as out:
        out.write(eicar())
    paths.append(eicar_jpg)
    text_jpg = os.path.join(directory, "notes.jpg")
    with open(text_jpg, "w") as out:
        out.write("This is a text file with a .jpg name, not an image.\n")
    paths.append(text_jpg)
    return paths


if __name__ == "__main__":
    if sys.argv[1:2] == ["eicar-hex"]:
        print(eicar().hex())
    elif sys.argv[1:2] == ["demo-inputs"] and len(sys.argv) == 3:
        for path in demo_inputs(sys.argv[2]):
            print(path)
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
