"""Compares `dicom-dump --json --phi` with pydicom's Dataset.to_json_dict() on every .dcm file of
pydicom's own data (test_files, charset_files, palettes) and of pydicom-data (scripts/conformance-dicom).

    python conformance_dicom.py --dicom-dump PATH

A file counts as read by pydicom when dcmread (force=True only for a file without the DICM prefix,
i.e. without a Part 10 file meta group) and to_json_dict both succeed. For those files every element
at every depth is compared, the file meta group (group 0002) left out: numbers numerically, strings with
trailing padding (spaces, NULs) removed (an empty string and null are the same empty value), person
names by their non-empty component groups, binary values by their bytes, encapsulated pixel data by
presence, sequences item by item. Big-endian files: pydicom keeps binary values in the file's byte
order, the DICOM JSON Model (and dicom-dump) gives them little endian, so pydicom's bytes are swapped
per value unit (2, 4 or 8 bytes by VR) before comparing; the count of such values is printed.

Prints per file "agree", or the first differing element (its tag path and what differs, never a
value), and totals. Differences where pydicom is wrong are listed in KNOWN_DIFFERENCES below with the
reason (so is one reading of DICOMKitCore's own that differs from pydicom and PS3.5, marked as such);
a listed difference that no longer occurs fails too, so that the list stays true. Every file
must either be read by dicom-dump or fail with a typed error (an `E: FILE: DICOMError.code` line and
exit status 1), never a signal. Golden checks of the text output and of the PHI rule (default output,
no --phi) run on synthetic files and on the corpus. Exits 1 on any failure.
"""
import argparse
import base64
import fnmatch
import glob
import json
import math
import os
import struct
import subprocess
import sys
import tempfile
import warnings

import data_store
import pydicom
from pydicom.errors import InvalidDicomError

# --------------------------------------------------------------------------------------------------
# Differences where pydicom is wrong, reviewed one by one: file name -> (patterns, reason). Every element
# of a file is compared; the file passes as a listed difference only when each difference, printed as
# "tag path: what" (e.g. "00081115[0].00081150: value 1 differs"), matches one of its patterns (fnmatch),
# and fails when a pattern matches no difference (the list must stay true). "(not read)" stands for a file
# pydicom reads and dicom-dump refuses with a typed DICOMError.
KNOWN_DIFFERENCES = {
    "MR_truncated.dcm": (
        ("(not read)",),
        "the file ends 62 bytes short of the 8,192 declared for Pixel Data (7FE0,0010): pydicom warns and returns"
        " the value cut short; DICOMKitCore refuses a value longer than the data left (DICOMError.truncated)",
    ),
    "rtplan_truncated.dcm": (
        ("(not read)",),
        "the file ends inside the value of (300A,012C) (29 of its 50 bytes): pydicom returns the value cut short;"
        " DICOMKitCore refuses it (DICOMError.truncated)",
    ),
    "no_meta.dcm": (
        ("(not read)",),
        "no preamble, no DICM, no file meta information, and no data element at the start: pydicom force=True"
        " reads (0820,0500) with a declared length of 173,228,800 bytes out of a 38 KB file (dcmtk refuses it"
        " too); DICOMKitCore: DICOMError.notDICOM",
    ),
    "emri_small_jpeg_2k_lossless_too_short.dcm": (
        ("(data set): pydicom returns an empty data set*",),
        "the encapsulated pixel data ends with the file after a complete fragment, without its sequence"
        " delimiter: pydicom warns and returns an empty data set; DICOMKitCore keeps every element and the"
        " complete fragments (DICOMWarning.missingPixelDataDelimiter); the elements before the pixel data are"
        " compared with pydicom's stop_before_pixels read",
    ),
    # pydicom's private dictionary types private elements the file sends as UN.
    **{
        name: (
            ("0019????: VR UN vs pydicom's *",),
            "AGFA private elements (0019,10xx) sent as explicit UN: pydicom re-types them from its private"
            " dictionary (SH, ...); DICOMKitCore, which has no private dictionary, keeps the file's UN (PS3.5"
            " 6.2.2); same bytes",
        )
        for name in ("chrJapMulti.dcm", "chrJapMultiExplicitIR6.dcm", "chrKoreanMulti.dcm")
    },
}

INTEGER_VRS = {"IS", "US", "SS", "UL", "SL", "SV", "UV"}
FLOAT_VRS = {"DS", "FL", "FD"}
BINARY_VRS = {"OB", "OD", "OF", "OL", "OV", "OW", "UN"}
SWAP_UNITS = {"OW": 2, "OF": 4, "OL": 4, "OD": 8, "OV": 8}
BIG_ENDIAN = "1.2.840.10008.1.2.2"


class Difference(Exception):
    """One difference in a file: where (tag path) and what (never a value)."""

    def __init__(self, path, what):
        super().__init__(f"{path}: {what}")
        self.path = path
        self.what = what


def corpus():
    tests = os.path.join(os.path.dirname(pydicom.__file__), "data")
    store = os.path.join(os.path.dirname(data_store.__file__), "data")
    files = sorted(glob.glob(os.path.join(tests, "**", "*.dcm"), recursive=True))
    files += sorted(glob.glob(os.path.join(store, "**", "*.dcm"), recursive=True))
    return files


def pydicom_read(path):
    """(status, detail, json dict, dataset): status 'read' or 'unread'."""
    forced = False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            try:
                ds = pydicom.dcmread(path)
            except InvalidDicomError:
                forced = True
                ds = pydicom.dcmread(path, force=True)
            as_json = ds.to_json_dict()
        except Exception as error:  # pydicom's own failure: the file is not read by pydicom
            return "unread", f"{type(error).__name__}", None, None
    return "read", "force=True" if forced else "", as_json, ds


def run_dump(binary, args, files):
    result = subprocess.run([binary] + args + files, capture_output=True, timeout=600)
    return result.returncode, result.stdout, result.stderr.decode("utf-8", "replace")


def error_lines(stderr):
    """path -> the DICOMError code of each `E: path: DICOMError.code ...` line."""
    errors = {}
    for line in stderr.splitlines():
        if not line.startswith("E: "):
            continue
        rest = line[3:]
        marker = rest.rfind(": DICOMError.")
        if marker < 0:
            continue
        path = rest[:marker]
        code = rest[marker + len(": DICOMError."):].split(" ")[0].rstrip(":")
        errors[path] = code
    return errors


def ours(binary, files):
    """path -> ('read', json) | ('error', code) | ('crash', detail), reading every file in one process
    (file by file again when that process dies)."""
    code, stdout, stderr = run_dump(binary, ["--json", "--phi"], files)
    if code < 0:
        results = {}
        for path in files:
            results.update(ours_one(binary, path))
        return results
    documents = json.loads(stdout)
    if len(files) == 1:
        documents = [documents]
    errors = error_lines(stderr)
    results = {}
    for path, document in zip(files, documents):
        if document is not None:
            results[path] = ("read", document)
        elif path in errors:
            results[path] = ("error", errors[path])
        else:
            results[path] = ("crash", "null without an E: line")
    return results


def ours_one(binary, path):
    code, stdout, stderr = run_dump(binary, ["--json", "--phi"], [path])
    if code < 0:
        return {path: ("crash", f"signal {-code}")}
    document = json.loads(stdout) if stdout.strip() else None
    if document is not None and code == 0:
        return {path: ("read", document)}
    errors = error_lines(stderr)
    if code == 1 and path in errors:
        return {path: ("error", errors[path])}
    return {path: ("crash", f"exit {code} without a typed error")}


# ---------------------------------------------------------------------------------------- comparing

def empty(value):
    return value is None or value == "" or value == [] or value == {}


def strip_text(value):
    if isinstance(value, str):
        value = value.rstrip(" \0")
    return None if empty(value) else value


def person_name(value):
    if not isinstance(value, dict):
        return None if empty(value) else value
    groups = {key: text.rstrip(" \0") for key, text in value.items() if isinstance(text, str)}
    groups = {key: text for key, text in groups.items() if text}
    return groups or None


def numbers_equal(a, b, vr):
    if a is None or b is None or a == "" or b == "":
        return empty(a) and empty(b)
    if isinstance(a, str) or isinstance(b, str):
        special = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
        a = special.get(a, a) if isinstance(a, str) else a
        b = special.get(b, b) if isinstance(b, str) else b
        if isinstance(a, str) or isinstance(b, str):
            return False
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if vr in INTEGER_VRS:
        return a == b
    return a == b or math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0)


def swapped(data, unit):
    whole = len(data) - len(data) % unit
    return b"".join(data[i:i + unit][::-1] for i in range(0, whole, unit)) + data[whole:]


class Comparer:
    def __init__(self, big_endian):
        self.big_endian = big_endian
        self.swapped_values = 0
        self.elements = 0
        self.differences = []
        self.encapsulated = False
        self.encapsulated_compared = 0
        self.encapsulated_identical = 0

    def data_set(self, ours, theirs, path):
        """Compares every element, collecting the differences (a differing sequence is not descended
        into further)."""
        theirs = {tag: element for tag, element in theirs.items() if not tag.startswith("0002")}
        for tag in sorted(set(ours) | set(theirs)):
            where = f"{path}{tag}"
            try:
                if tag not in ours:
                    raise Difference(where, "only pydicom has the element")
                if tag not in theirs:
                    raise Difference(where, "only dicom-dump has the element")
                self.element(ours[tag], theirs[tag], where)
            except Difference as difference:
                self.differences.append(difference)

    def element(self, ours, theirs, where):
        self.elements += 1
        vr, their_vr = ours.get("vr"), theirs.get("vr")
        if vr != their_vr and not (" or " in their_vr and vr in their_vr.split(" or ")):
            # The values are compared all the same (by bytes), so that a listed VR difference stands for
            # nothing else.
            if "InlineBinary" in ours and "InlineBinary" in theirs:
                self.binary(ours, theirs, vr, where)
            elif vr == "UN" and "InlineBinary" in ours:
                self.un_against_typed(ours, theirs, their_vr, where)
            raise Difference(where, f"VR {vr} vs pydicom's {their_vr}")
        if "Redacted" in ours:
            raise Difference(where, "redacted although --phi was given")
        if vr == "SQ":
            mine, other = ours.get("Value", []), theirs.get("Value", [])
            if len(mine) != len(other):
                raise Difference(where, f"{len(mine)} items vs pydicom's {len(other)}")
            for index, (item, their_item) in enumerate(zip(mine, other)):
                self.data_set(item, their_item, f"{where}[{index}].")
            return
        if "InlineBinary" in ours or "InlineBinary" in theirs or vr in BINARY_VRS:
            self.binary(ours, theirs, vr, where)
            return
        mine = ours.get("Value", [])
        other = theirs.get("Value", [])
        if vr == "PN":
            mine, other = [person_name(v) for v in mine], [person_name(v) for v in other]
        elif vr in INTEGER_VRS or vr in FLOAT_VRS:
            pass
        else:
            mine, other = [strip_text(v) for v in mine], [strip_text(v) for v in other]
        if all(empty(v) for v in mine) and all(empty(v) for v in other):
            return
        if len(mine) != len(other):
            raise Difference(where, f"{len(mine)} values vs pydicom's {len(other)}")
        for index, (a, b) in enumerate(zip(mine, other)):
            if vr in INTEGER_VRS or vr in FLOAT_VRS:
                if not numbers_equal(a, b, vr):
                    raise Difference(where, f"value {index + 1} differs (numbers)")
            elif a != b and not (empty(a) and empty(b)):
                raise Difference(where, f"value {index + 1} differs")

    def un_against_typed(self, ours, theirs, their_vr, where):
        """Our UN bytes against the value pydicom typed from a private dictionary, encoded back."""
        mine = base64.b64decode(ours["InlineBinary"])
        values = theirs.get("Value", [])
        formats = {"US": "<H", "SS": "<h", "UL": "<I", "SL": "<i", "FL": "<f", "FD": "<d"}
        if their_vr in formats:
            other = b"".join(struct.pack(formats[their_vr], v) for v in values)
            equal = mine == other
        elif all(isinstance(v, (str, int, float)) or v is None for v in values):
            text = "\\".join("" if v is None else str(v) for v in values)
            equal = mine.decode("latin-1").rstrip(" \0") == text.rstrip(" \0")
        else:
            equal = False
        if not equal:
            raise Difference(where, f"UN bytes differ from pydicom's {their_vr} value")

    def binary(self, ours, theirs, vr, where):
        mine = base64.b64decode(ours["InlineBinary"]) if "InlineBinary" in ours else b""
        other = base64.b64decode(theirs["InlineBinary"]) if "InlineBinary" in theirs else b""
        if where == "7FE00010" and self.encapsulated:
            if bool(mine) != bool(other):
                raise Difference(where, "encapsulated pixel data present on one side only")
            self.encapsulated_compared += 1
            self.encapsulated_identical += mine == other
            return
        if self.big_endian and vr in SWAP_UNITS and other:
            other = swapped(other, SWAP_UNITS[vr])
            self.swapped_values += 1
        if mine != other:
            raise Difference(where, f"binary value differs ({len(mine)} vs pydicom's {len(other)} bytes)")


def compare_before_pixels(path, ours, ds):
    """pydicom returned an empty data set where dicom-dump read elements: compares dicom-dump's elements
    before the pixel data with pydicom's stop_before_pixels read, and records the empty data set as one
    difference."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        head = pydicom.dcmread(path, stop_before_pixels=True, force=True)
        theirs = head.to_json_dict()
    before = {tag: element for tag, element in ours.items() if tag < "7FE00010"}
    comparer = compare(before, theirs, head)
    comparer.differences.append(
        Difference("(data set)", "pydicom returns an empty data set; its stop_before_pixels read is compared")
    )
    return comparer


def compare(ours, theirs, ds):
    syntax = str(getattr(getattr(ds, "file_meta", None), "TransferSyntaxUID", "") or "")
    comparer = Comparer(syntax == BIG_ENDIAN)
    pixel = ds.get((0x7FE0, 0x0010)) if ds is not None else None
    comparer.encapsulated = bool(pixel is not None and pixel.is_undefined_length)
    comparer.data_set(ours, theirs, "")
    return comparer


# ------------------------------------------------------------------------------------------ golden

GOLDEN_TEXT = """\

# File: {path}

# Dicom-Meta-Information-Header
# Used TransferSyntax: Explicit VR Little Endian
(0002,0000) UL (redacted, 4 bytes)                      #   4, 1 FileMetaInformationGroupLength
(0002,0001) OB 00\\01                                    #   2, 1 FileMetaInformationVersion
(0002,0002) UI =SecondaryCaptureImageStorage            #  26, 1 MediaStorageSOPClassUID
(0002,0003) UI (redacted, 22 bytes)                     #  22, 1 MediaStorageSOPInstanceUID
(0002,0010) UI =ExplicitVRLittleEndian                  #  20, 1 TransferSyntaxUID
(0002,0012) UI (redacted, 22 bytes)                     #  22, 1 ImplementationClassUID
(0002,0013) SH (redacted, 6 bytes)                      #   6, 1 ImplementationVersionName

# Dicom-Data-Set
# Used TransferSyntax: Explicit VR Little Endian [1.2.840.10008.1.2.1]
(0008,0008) CS [ORIGINAL\\PRIMARY]                       #  16, 2 ImageType
(0008,0016) UI =SecondaryCaptureImageStorage            #  26, 1 SOPClassUID
(0008,0018) UI (redacted, 22 bytes)                     #  22, 1 SOPInstanceUID
(0008,0060) CS [OT]                                     #   2, 1 Modality
(0008,1115) SQ (Sequence with undefined length #=1)     # u/l, 1 ReferencedSeriesSequence
  (fffe,e000) na (Item with undefined length #=2)         # u/l, 1 Item
    (0008,0104) LO [Knee]                                   #   4, 1 CodeMeaning
    (0020,000e) UI (redacted, 6 bytes)                      #   6, 1 SeriesInstanceUID
  (fffe,e00d) na (ItemDelimitationItem)                   #   0, 0 ItemDelimitationItem
(fffe,e0dd) na (SequenceDelimitationItem)               #   0, 0 SequenceDelimitationItem
(0010,0010) PN (redacted, 8 bytes)                      #   8, 1 PatientName
(0010,0020) LO (redacted, 6 bytes)                      #   6, 1 PatientID
(0028,0010) US 2                                        #   2, 1 Rows
(0028,0011) US 2                                        #   2, 1 Columns
(0028,1050) DS [40\\-1.5]                                #   8, 2 WindowCenter
(7fe0,0010) OW 0001\\0203\\0405\\0607                      #   8, 1 PixelData
"""


def golden_file(directory):
    """A small synthetic file whose text dump is GOLDEN_TEXT."""
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.sequence import Sequence
    from pydicom.uid import ExplicitVRLittleEndian, SecondaryCaptureImageStorage

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = SecondaryCaptureImageStorage
    meta.MediaStorageSOPInstanceUID = "1.2.826.0.1.3680043.1"
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = "1.2.826.0.1.3680043.2"
    meta.ImplementationVersionName = "GOLDEN"
    ds = Dataset()
    ds.file_meta = meta
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    ds.SOPClassUID = SecondaryCaptureImageStorage
    ds.SOPInstanceUID = "1.2.826.0.1.3680043.1"
    ds.Modality = "OT"
    item = Dataset()
    item.CodeMeaning = "Knee"
    item.SeriesInstanceUID = "1.2.3"
    ds.ReferencedSeriesSequence = Sequence([item])
    ds.PatientName = "Doe^Jane"
    ds.PatientID = "PID-42"
    ds.Rows = 2
    ds.Columns = 2
    ds.WindowCenter = ["40", "-1.5"]
    ds.PixelData = bytes([1, 0, 3, 2, 5, 4, 7, 6])
    ds["PixelData"].VR = "OW"
    ds["ReferencedSeriesSequence"].is_undefined_length = True
    ds.ReferencedSeriesSequence[0].is_undefined_length_sequence_item = True
    path = os.path.join(directory, "golden.dcm")
    ds.save_as(path, enforce_file_format=True)
    return path


def golden_checks(binary, directory, failures):
    path = golden_file(directory)
    expected = GOLDEN_TEXT.format(path=path)
    code, stdout, stderr = run_dump(binary, [], [path])
    text = stdout.decode()
    checks = 0
    if code != 0 or text != expected or stderr:
        failures.append(f"golden text: exit {code}, stderr {stderr[:200]!r}; differs from the expected text:\n"
                        + unified(expected, text))
    checks += 1
    code, stdout, stderr = run_dump(binary, ["--phi"], [path])
    if code != 0 or "[Doe^Jane]" not in stdout.decode() or "--phi" not in stderr:
        failures.append("golden --phi: the patient's name is not shown, or no note on stderr")
    checks += 1
    code, stdout, _ = run_dump(binary, ["--json"], [path])
    document = json.loads(stdout)
    phi = [b"Doe^Jane", b"PID-42", b"1.2.826.0.1.3680043.1"]
    if code != 0 or any(value in stdout for value in phi) or document["00100010"] != {"vr": "PN", "Redacted": True}:
        failures.append("golden --json: a PHI value shows or Patient Name is not {vr, Redacted}")
    if document.get("00081115", {}).get("Value", [{}])[0].get("00080104") != {"vr": "LO", "Value": ["Knee"]}:
        failures.append("golden --json: the kept Code Meaning inside the sequence is not shown")
    if document.get("00281050") != {"vr": "DS", "Value": [40, -1.5]}:
        failures.append("golden --json: Window Center is not the numbers [40, -1.5]")
    checks += 1
    code, _, stderr = run_dump(binary, [], [path, os.path.join(directory, "missing.dcm")])
    if code != 1 or "E: " + os.path.join(directory, "missing.dcm") + ": DICOMError.fileIO" not in stderr:
        failures.append(f"golden: a missing file gives exit {code} and stderr {stderr[:200]!r}")
    code, stdout, _ = run_dump(binary, ["--json"], [path, os.path.join(directory, "missing.dcm")])
    if code != 1 or json.loads(stdout)[1] is not None:
        failures.append("golden: --json over several files is not an array with null for the missing file")
    checks += comparator_checks(binary, path, failures)
    code, _, _ = run_dump(binary, ["--no-such-option"], [path])
    if code != 2:
        failures.append(f"golden: an unknown option gives exit {code}, not 2")
    code, stdout, _ = run_dump(binary, ["--stop-before-pixels"], [path])
    if code != 0 or b"PixelData" in stdout or b"WindowCenter" not in stdout:
        failures.append("golden: --stop-before-pixels did not stop before the pixel data")
    checks += 4
    return checks


def comparator_checks(binary, path, failures):
    """The comparison itself: the golden file agrees, and each kind of change to dicom-dump's side is
    found."""
    import copy
    _, stdout, _ = run_dump(binary, ["--json", "--phi"], [path])
    ours_json = json.loads(stdout)
    _, _, theirs, ds = pydicom_read(path)
    if compare(ours_json, theirs, ds).differences:
        failures.append("comparator: the golden file does not agree with pydicom")
    mutations = {
        "a string": lambda d: d["00080060"].update(Value=["MR"]),
        "a number": lambda d: d["00281050"].update(Value=[40, -1.25]),
        "a multiplicity": lambda d: d["00080008"]["Value"].append("EXTRA"),
        "binary bytes": lambda d: d["7FE00010"].update(InlineBinary="AQADAgUEBwc="),
        "a VR": lambda d: d["00280010"].update(vr="SS"),
        "a missing element": lambda d: d.pop("00100020"),
        "an extra element": lambda d: d.update({"00181030": {"vr": "LO", "Value": ["X"]}}),
        "a nested value": lambda d: d["00081115"]["Value"][0]["00080104"].update(Value=["Hip"]),
        "an item count": lambda d: d["00081115"]["Value"].append({}),
        "a person name": lambda d: d["00100010"].update(Value=[{"Alphabetic": "Doe^John"}]),
    }
    for label, mutate in mutations.items():
        changed = copy.deepcopy(ours_json)
        mutate(changed)
        if not compare(changed, theirs, ds).differences:
            failures.append(f"comparator: {label} changed on dicom-dump's side is not found")
    return 1 + len(mutations)


def unified(expected, actual):
    import difflib
    return "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "expected", "dicom-dump"))


def mode_checks(binary, files, unread, failures):
    """Every output mode over the whole corpus in one process each: never a signal, exit status 1 exactly
    when a file failed, every failure a typed `E:` line; the full reads fail on the files the JSON
    comparison saw fail. Returns the number of modes run."""
    modes = ([], ["--phi"], ["--phi", "--print-all"], ["--json"], ["--stop-before-pixels"],
             ["--json", "--phi", "--stop-before-pixels"], ["--fingerprints"])
    for args in modes:
        code, stdout, stderr = run_dump(binary, args, files)
        label = " ".join(args) or "(default)"
        errors = set(error_lines(stderr))
        if args == ["--fingerprints"]:
            errors = {json.loads(line)["file"] for line in stdout.decode().splitlines() if '"error"' in line}
        if code < 0 or code != (1 if errors else 0):
            failures.append(f"mode {label}: exit status {code} with {len(errors)} failed file(s)")
        elif "--stop-before-pixels" not in args and errors != unread:
            failures.append(f"mode {label}: the files that fail differ from those of --json --phi")
        elif "--stop-before-pixels" in args and not errors <= unread:
            failures.append(f"mode {label}: a file read in full fails when stopping before the pixel data")
    return len(modes)


# ------------------------------------------------------------------------------- PHI on the corpus

PHI_KEYWORDS = ("PatientName", "PatientID", "PatientBirthDate", "OtherPatientIDs", "InstitutionName",
                "ReferringPhysicianName", "AccessionNumber", "StudyInstanceUID", "SeriesInstanceUID",
                "SOPInstanceUID", "StudyDate", "OperatorsName", "PerformingPhysicianName", "StudyID")


def phi_values(ds):
    """Identifying values (6 characters or more) at every level of `ds`, less those that occur within a
    string value of another attribute (a kept attribute may hold the same text legitimately)."""
    identifying, others = set(), set()
    for element in ds.iterall():
        try:
            values = element.value if element.VM > 1 else [element.value]
        except Exception:
            continue
        texts = [str(v).strip() for v in values if isinstance(v, (str, pydicom.valuerep.PersonName))]
        if element.keyword in PHI_KEYWORDS:
            identifying.update(t for t in texts if len(t) >= 6)
        else:
            others.update(texts)
    return {value for value in identifying if not any(value in other for other in others)}


def phi_check(binary, readable, failures):
    """Runs the default (no --phi) text and JSON outputs over the files pydicom reads; no identifying
    value of a file may appear in that file's output. Returns the number of values searched for."""
    searched = 0
    paths = [path for path, _ in readable]
    _, stdout, _ = run_dump(binary, [], paths)
    sections = stdout.decode("utf-8", "replace").split("\n# File: ")[1:]
    _, stdout, _ = run_dump(binary, ["--json"], paths)
    documents = [json.dumps(document, ensure_ascii=False) for document in json.loads(stdout)]
    if len(sections) != len(paths) or len(documents) != len(paths):
        failures.append("PHI: the default outputs do not hold one section per file")
        return 0
    for (path, ds), text, document in zip(readable, sections, documents):
        for value in phi_values(ds):
            searched += 1
            for label, output in (("text", text), ("JSON", document)):
                if value in output:
                    failures.append(f"PHI: {os.path.basename(path)}: a value of an identifying attribute appears"
                                    f" in the default {label} output")
    return searched


# -------------------------------------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dicom-dump", required=True)
    args = parser.parse_args()
    binary = args.dicom_dump

    files = corpus()
    results = ours(binary, files)
    failures = []
    totals = {"agree": 0, "known": 0, "differ": 0, "ours_only": 0, "neither": 0, "pydicom_only": 0}
    swapped_values = elements = 0
    encapsulated = [0, 0]
    readable = []
    seen_known = set()
    for path in files:
        name = os.path.basename(path)
        status, detail, theirs, ds = pydicom_read(path)
        mine = results[path]
        if mine[0] == "crash":
            failures.append(f"{name}: dicom-dump crashed ({mine[1]})")
            print(f"FAIL   {name}: dicom-dump crashed ({mine[1]})")
            continue
        if status == "unread":
            if mine[0] == "read":
                totals["ours_only"] += 1
                print(f"ours   {name}: pydicom cannot read it ({detail}); dicom-dump reads it")
            else:
                totals["neither"] += 1
                print(f"error  {name}: pydicom cannot read it ({detail}); dicom-dump: DICOMError.{mine[1]}")
            continue
        known = KNOWN_DIFFERENCES.get(name)
        if mine[0] == "error":
            if known and known[0] == ("(not read)",):
                seen_known.add(name)
                totals["known"] += 1
                print(f"known  {name}: dicom-dump: DICOMError.{mine[1]}; pydicom reads it. {known[1]}")
            else:
                totals["pydicom_only"] += 1
                failures.append(f"{name}: pydicom reads it, dicom-dump fails with DICOMError.{mine[1]}")
                print(f"FAIL   {name}: pydicom reads it, dicom-dump fails with DICOMError.{mine[1]}")
            continue
        readable.append((path, ds))
        if not theirs and mine[1]:
            comparer = compare_before_pixels(path, mine[1], ds)
        else:
            comparer = compare(mine[1], theirs, ds)
        swapped_values += comparer.swapped_values
        encapsulated[0] += comparer.encapsulated_compared
        encapsulated[1] += comparer.encapsulated_identical
        elements += comparer.elements
        differences = comparer.differences
        if not differences:
            totals["agree"] += 1
            print(f"agree  {name}{' (' + detail + ')' if detail else ''}")
            continue
        patterns = known[0] if known else ()
        unlisted = [d for d in differences if not any(fnmatch.fnmatchcase(str(d), p) for p in patterns)]
        unused = [p for p in patterns if not any(fnmatch.fnmatchcase(str(d), p) for d in differences)]
        if unlisted:
            totals["differ"] += 1
            failures.append(f"{name}: {unlisted[0]} ({len(unlisted)} differing element(s) not listed)")
            print(f"DIFFER {name}: {unlisted[0]} ({len(unlisted)} differing element(s) not listed)")
        elif unused:
            failures.append(f"{name}: KNOWN_DIFFERENCES pattern(s) {unused} match no difference")
            print(f"FAIL   {name}: KNOWN_DIFFERENCES pattern(s) {unused} match no difference")
        else:
            seen_known.add(name)
            totals["known"] += 1
            print(f"known  {name}: {differences[0]} ({len(differences)} element(s)). {known[1]}")
    for name in sorted(set(KNOWN_DIFFERENCES) - seen_known):
        failures.append(f"{name}: listed in KNOWN_DIFFERENCES but the difference did not occur")

    unread = {path for path, result in results.items() if result[0] != "read"}
    modes = mode_checks(binary, files, unread, failures)
    with tempfile.TemporaryDirectory() as directory:
        golden = golden_checks(binary, directory, failures)
    searched = phi_check(binary, readable, failures)

    print()
    print("conformance-dicom summary:")
    print(f"  {len(files):6}  files found (pydicom/data test, character set and palette files; pydicom-data)")
    print(f"  {totals['agree']:6}  read by both, every element agrees ({elements} elements compared)")
    print(f"  {totals['known']:6}  listed differences (KNOWN_DIFFERENCES, each with its reason)")
    print(f"  {totals['differ']:6}  read by both, differing (failures)")
    print(f"  {totals['pydicom_only']:6}  read by pydicom only (failures)")
    print(f"  {totals['ours_only']:6}  read by dicom-dump only (pydicom's dcmread or to_json_dict raises)")
    print(f"  {totals['neither']:6}  read by neither (dicom-dump gave a typed DICOMError)")
    print(f"  {swapped_values:6}  big-endian binary values compared byte-swapped (pydicom keeps the file's order)")
    print(f"  {encapsulated[0]:6}  encapsulated Pixel Data compared by presence ({encapsulated[1]} of them also"
          " byte-identical: the item stream without the sequence delimiter, as pydicom gives it)")
    print(f"  {modes:6}  output modes run over every file (no signal, a typed error for each failed file)")
    print(f"  {golden:6}  golden checks of the text and JSON output, options and exit statuses")
    print(f"  {searched:6}  identifying values searched for in the default (no --phi) text and JSON output")
    if failures:
        print(f"\nconformance-dicom: {len(failures)} failure(s):")
        for failure in failures:
            print(f"  {failure}")
        sys.exit(1)
    print("conformance-dicom: ok")


if __name__ == "__main__":
    main()
