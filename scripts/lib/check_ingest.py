"""Checks what `ingest` did with the demo's inputs, and that it leaked no PHI.

    python check_ingest.py --inputs DIR --results FILE --audit FILE --storage DIR [--stderr FILE]

Checks: every real DICOM file stored with a DICOM summary of pseudonyms; its stored copy, read back with
pydicom, has Patient Name and Patient ID replaced and new UIDs; both EICAR files rejected as infected with a
security alert; the text file named .jpg rejected by the content checks after a clean scan; one audit event
per step of each upload; and no PHI value of the original DICOM files (names, IDs, dates, UIDs,
institution, accession number, ...) anywhere in what ingest printed or audited. Prints a report that shows
only the new values, never the originals, and exits 1 on any failed check.
"""
import argparse
import json
import os
import sys

import pydicom

KEYS = ["file", "status", "reason", "key", "contentType", "size", "scan", "dicom"]
STEPS_STORED_DICOM = [
    "upload.size_check", "upload.malware_scan", "upload.content_check", "upload.dicom_parse",
    "upload.dicom_deidentify", "upload.store",
]
STEPS_INFECTED = ["upload.size_check", "upload.malware_scan", "security.alert"]
STEPS_CONTENT_REJECTED = ["upload.size_check", "upload.malware_scan", "upload.content_check"]

# Attributes whose values identify a patient, a visit or a place (PS3.15 Table E.1-1 non-K actions).
PHI_KEYWORDS = {
    "PatientID", "OtherPatientIDs", "PatientBirthDate", "PatientAddress", "PatientTelephoneNumbers",
    "AccessionNumber", "StudyID", "InstitutionName", "InstitutionAddress", "InstitutionalDepartmentName",
    "StationName", "DeviceSerialNumber", "StudyDescription", "SeriesDescription", "RequestingPhysician",
    "PerformingPhysicianName", "OperatorsName", "PhysiciansOfRecord", "ReferringPhysicianName",
    "AdmissionID", "MedicalRecordLocator", "PatientComments", "ImageComments",
}
REGISTRY_UID_ROOT = "1.2.840.10008."

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def phi_values(dataset, found):
    """Collects identifying values at every nesting level."""
    for element in dataset:
        if element.VR == "SQ":
            for item in element.value or []:
                phi_values(item, found)
            continue
        values = element.value if isinstance(element.value, (list, pydicom.multival.MultiValue)) else [element.value]
        for value in values:
            if value is None or isinstance(value, (bytes, bytearray)):
                continue
            text = str(value).strip()
            if len(text) < 4:
                continue
            if element.VR in ("PN", "DA", "DT") or element.keyword in PHI_KEYWORDS:
                found.add(text)
            elif element.VR == "UI" and not text.startswith(REGISTRY_UID_ROOT):
                found.add(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--inputs", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--audit", required=True)
    parser.add_argument("--storage", required=True)
    parser.add_argument("--stderr")
    args = parser.parse_args()

    results = [json.loads(line) for line in open(args.results) if line.strip()]
    for result in results:
        check(list(result) == KEYS, f"result keys {list(result)}, expected {KEYS} in that order")
    audit = [json.loads(line) for line in open(args.audit) if line.strip()]

    # Group the audit trail by upload, in order (ingest decides files one after another).
    uploads = []
    by_id = {}
    for event in audit:
        if event["resourceID"] not in by_id:
            by_id[event["resourceID"]] = []
            uploads.append(by_id[event["resourceID"]])
        by_id[event["resourceID"]].append(event)
    check(len(uploads) == len(results), f"{len(results)} results but {len(uploads)} audited uploads")

    print("\n== What ingest decided ==")
    for result, events in zip(results, uploads):
        name = os.path.basename(result["file"])
        actions = [event["action"] for event in events]
        print(f"{name:40} {result['status']:9} scan={result['scan']}  reason={result['reason']}")
        if name.endswith(".dcm") and "eicar" not in name:
            check(result["status"] == "stored", f"{name}: expected stored, got {result['status']}")
            check(result["contentType"] == "application/dicom", f"{name}: content type {result['contentType']}")
            check(result["scan"] == "clean", f"{name}: scan {result['scan']}")
            check(bool(result["dicom"]) and result["dicom"].get("patientPseudonym"), f"{name}: no DICOM summary")
            check(actions == STEPS_STORED_DICOM, f"{name}: audit steps {actions}")
        elif "eicar" in name:
            check(result["status"] == "rejected", f"{name}: expected rejected, got {result['status']}")
            check((result["reason"] or "").startswith("infected"), f"{name}: reason {result['reason']}")
            check((result["scan"] or "").startswith("infected:Eicar"), f"{name}: scan {result['scan']}")
            check(actions == STEPS_INFECTED, f"{name}: audit steps {actions}")
            alert = [event for event in events if event["action"] == "security.alert"]
            check(len(alert) == 1 and alert[0]["detail"].get("signature", "").startswith("Eicar"),
                  f"{name}: no security alert naming the signature")
        else:
            check(result["status"] == "rejected", f"{name}: expected rejected, got {result['status']}")
            check((result["reason"] or "").startswith("unrecognizedContent"), f"{name}: reason {result['reason']}")
            check(result["scan"] == "clean", f"{name}: scan {result['scan']}")
            check(actions == STEPS_CONTENT_REJECTED, f"{name}: audit steps {actions}")
        for event in events:
            check(event["actorID"] and event["clientIP"] and event["timestamp"], f"{name}: incomplete event {event['id']}")

    print("\n== Stored copies, read back with pydicom (only the new values are shown) ==")
    for result in results:
        if result["status"] != "stored":
            continue
        original = pydicom.dcmread(result["file"])
        stored_path = os.path.join(args.storage, result["key"])
        stored = pydicom.dcmread(stored_path)
        name = os.path.basename(result["file"])
        replaced_name = str(stored.get("PatientName", "")) != str(original.PatientName)
        replaced_id = stored.get("PatientID", "") != original.PatientID
        new_uid = stored.StudyInstanceUID != original.StudyInstanceUID
        check(replaced_name, f"{name}: Patient Name not replaced")
        check(replaced_id and stored.PatientID == result["dicom"]["patientPseudonym"], f"{name}: Patient ID not the pseudonym")
        check(new_uid and stored.StudyInstanceUID == result["dicom"]["studyInstanceUID"], f"{name}: Study UID not replaced")
        check(stored.get("PatientIdentityRemoved") == "YES", f"{name}: Patient Identity Removed is not YES")
        check(not any(element.tag.is_private for element in stored), f"{name}: private elements kept")
        new_name = str(stored.get("PatientName", ""))
        how = "emptied, Basic Profile action Z" if new_name == "" else "replaced"
        print(f"{name:36} PatientName={new_name!r} ({how}: {replaced_name})  "
              f"PatientID={stored.PatientID!r} (pseudonym: {replaced_id})  StudyInstanceUID new: {new_uid}")

    print("\n== PHI leak check ==")
    phi = set()
    for result in results:
        if result["file"].endswith(".dcm"):
            phi_values(pydicom.dcmread(result["file"], force=True), phi)
    outputs = {"stdout": open(args.results).read(), "audit": open(args.audit).read()}
    if args.stderr:
        outputs["stderr"] = open(args.stderr).read()
    leaks = [(where, value) for value in phi for where, text in outputs.items() if value in text]
    check(not leaks, f"{len(leaks)} PHI values appear in ingest's output (at {sorted({w for w, _ in leaks})})")
    print(f"{len(phi)} identifying values of the original files searched for in {', '.join(outputs)}: "
          f"{len(leaks)} found")

    print()
    if failures:
        for failure in failures:
            print("FAIL:", failure)
        sys.exit(1)
    print(f"ok: {len(results)} uploads decided as expected, {len(audit)} audit events, no PHI in the output")


if __name__ == "__main__":
    main()
