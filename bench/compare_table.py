#!/usr/bin/env python3
"""Joins Nabla's `bench core --json` lines with the NumPy/PyTorch reference lines and prints a
Markdown table of ratios, always oriented so that > 1 means Nabla is faster:
throughput units (GFLOP/s, GB/s) give nabla/reference, time units (ns, us, ms) give reference/nabla.
Usage: compare_table.py NABLA.jsonl REFERENCE.jsonl
"""
import json
import sys

TIME_UNITS = {"ns", "us", "ms", "s"}
IMPLS = ("numpy", "torch")


def load(path):
    rows = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                rows.append(json.loads(line))
    return rows


def key(row):
    # Nabla's sgemm rows carry impl=java (native rows may come too); everything else has no impl.
    params = {k: v for k, v in row["params"].items() if k != "impl"}
    return row["bench"], json.dumps(params, sort_keys=True)


def fmt(v):
    if v is None:
        return "n/a"
    return f"{v:.4g}" if abs(v) < 1e4 else f"{v:.0f}"


def ratio(nabla, ref, unit):
    if nabla is None or ref is None or nabla == 0 or ref == 0:
        return None
    return ref / nabla if unit in TIME_UNITS else nabla / ref


def main(nabla_path, ref_path):
    nabla = [r for r in load(nabla_path) if r["params"].get("impl", "java") == "java"]
    refs = {}
    for r in load(ref_path):
        refs[(key(r), r["params"]["impl"])] = r
    print("| bench | params | unit | nabla | numpy | torch | nabla/numpy | nabla/torch |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for r in nabla:
        k = key(r)
        params = " ".join(f"{p}={json.dumps(v)}" for p, v in r["params"].items() if p != "impl")
        cells = [r["bench"], params, r["unit"], fmt(r["value"]) if r.get("error") is None else "n/a (" + r["error"] + ")"]
        ref_vals = [refs.get((k, impl), {}).get("value") for impl in IMPLS]
        cells += [fmt(v) for v in ref_vals]
        cells += [fmt(ratio(r["value"], v, r["unit"])) for v in ref_vals]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
