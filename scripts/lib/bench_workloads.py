"""Builds the DICOM benchmark workloads (scripts/bench-dicom).

    python bench_workloads.py DIR [COPIES]

DIR/ct512/    COPIES copies of a 512x512 16-bit CT-like file (pydicom's CT_small.dcm with its pixel data
              replaced by 512*512 16-bit values: about 526 KB)
DIR/ctsmall/  COPIES copies of pydicom's CT_small.dcm (262 elements)
Prints the two directories. Existing workloads of the right size are kept.
"""
import os
import shutil
import sys

import pydicom
from pydicom.data import get_testdata_file


def build(directory: str, copies: int) -> None:
    small = get_testdata_file("CT_small.dcm")
    ct512 = os.path.join(directory, "ct512")
    ctsmall = os.path.join(directory, "ctsmall")
    template = os.path.join(directory, "ct512-template.dcm")
    if not os.path.exists(template):
        ds = pydicom.dcmread(small)
        ds.Rows = 512
        ds.Columns = 512
        ds.BitsAllocated = 16
        ds.BitsStored = 16
        ds.HighBit = 15
        ds.PixelRepresentation = 0
        ds.SamplesPerPixel = 1
        ds.PixelData = bytes((i * 7 + (i >> 9)) & 0xFF for i in range(512 * 512 * 2))
        ds["PixelData"].VR = "OW"
        os.makedirs(directory, exist_ok=True)
        ds.save_as(template, enforce_file_format=True)
    for source, target in ((template, ct512), (small, ctsmall)):
        os.makedirs(target, exist_ok=True)
        present = len([name for name in os.listdir(target) if name.endswith(".dcm")])
        for index in range(present, copies):
            shutil.copyfile(source, os.path.join(target, f"{index:05d}.dcm"))
    print(ct512)
    print(ctsmall)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    build(sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 2000)
