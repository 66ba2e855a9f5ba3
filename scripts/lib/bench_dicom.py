"""Times whole processes over the workloads of scripts/bench-dicom and prints the ratios.

    python bench_dicom.py --dicom-dump PATH --python PY [--runs R] DIR...
"""
import argparse
import os
import resource
import subprocess
import sys
import time

REQUIRED = 2.0
PYDICOM_LOOP = """
import sys
from pydicom import dcmread
for path in sys.argv[1:]:
    ds = dcmread(path)
    for element in ds.iterall():
        element.value
"""


def measure(command, runs):
    """Minimum wall and CPU (user+sys of the child) seconds over `runs` runs, output to /dev/null."""
    best_wall = best_cpu = None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        with open(os.devnull, "wb") as sink:
            status = subprocess.run(command, stdout=sink, stderr=sink).returncode
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if status != 0:
            sys.exit(f"bench-dicom: {command[0]} exited {status}")
        best_wall = wall if best_wall is None else min(best_wall, wall)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    return best_wall, best_cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dicom-dump", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("dirs", nargs="+")
    args = parser.parse_args()

    failed = False
    for directory in args.dirs:
        files = sorted(os.path.join(directory, name) for name in os.listdir(directory) if name.endswith(".dcm"))
        count = len(files)
        size = sum(os.path.getsize(path) for path in files) / 1e6
        print(f"\n== {os.path.basename(directory)}: {count} files, {size:.0f} MB (min of {args.runs} runs) ==")
        rows = []
        for label, ours, theirs in (
            ("full parse", [args.dicom_dump] + files, ["dcmdump", "+M"] + files),
            ("header only", [args.dicom_dump, "--stop-before-pixels"] + files, ["dcmdump", "+sb", "7fe0,0010"] + files),
        ):
            our_wall, our_cpu = measure(ours, args.runs)
            dcm_wall, dcm_cpu = measure(theirs, args.runs)
            wall_ratio = dcm_wall / our_wall
            cpu_ratio = dcm_cpu / our_cpu if our_cpu > 0 else float("inf")
            verdict = "ok" if wall_ratio >= REQUIRED else f"BELOW the required {REQUIRED:.0f}x"
            failed |= wall_ratio < REQUIRED
            print(f"{label:12}  dicom-dump {count / our_wall:8.0f} files/s ({our_wall:6.3f} s wall, {our_cpu:6.3f} s CPU)"
                  f"   dcmdump {count / dcm_wall:8.0f} files/s ({dcm_wall:6.3f} s wall, {dcm_cpu:6.3f} s CPU)"
                  f"   ratio {wall_ratio:5.2f}x wall, {cpu_ratio:5.2f}x CPU  {verdict}")
            rows.append((label, our_wall))
        py_wall, py_cpu = measure([args.python, "-c", PYDICOM_LOOP] + files, max(1, min(args.runs, 2)))
        print(f"{'pydicom loop':12}  {count / py_wall:8.0f} files/s ({py_wall:6.3f} s wall, {py_cpu:6.3f} s CPU)"
              f"   dicom-dump full parse is {py_wall / rows[0][1]:5.1f}x faster")
    print()
    if failed:
        print("bench-dicom: a required ratio was not met")
        sys.exit(1)
    print(f"bench-dicom: every ratio at least {REQUIRED:.0f}x dcmdump")


if __name__ == "__main__":
    main()
