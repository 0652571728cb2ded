#!/usr/bin/env python3
"""Joins `nabla bench train --json` lines with reference_train.py's, each file holding several rounds,
and prints a Markdown table of the median and the best value over the rounds for each side, and the
ratios, oriented so that > 1 means Nabla is faster: samples/s gives nabla/torch, us gives torch/nabla.
Usage: compare_train_table.py NABLA.jsonl TORCH.jsonl
"""
import json
import statistics
import sys
from collections import defaultdict

TIME_UNITS = {"ns", "us", "ms", "s"}


def load(path):
    """(bench, model, batch, threads) -> (unit, [values in file order])."""
    rows = defaultdict(list)
    units = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            r = json.loads(line)
            p = r["params"]
            k = (r["bench"], p["model"], p["batch"], p["threads"])
            units[k] = r["unit"]
            if r["value"] is not None:
                rows[k].append(r["value"])
    return units, rows


def best(values, unit):
    return min(values) if unit in TIME_UNITS else max(values)


def ratio(nabla, torch, unit):
    if not nabla or not torch:
        return None
    return torch / nabla if unit in TIME_UNITS else nabla / torch


def fmt(v):
    if v is None:
        return "n/a"
    return f"{v:.3g}" if abs(v) < 1e4 else f"{v:.0f}"


def main(nabla_path, torch_path):
    units, nabla = load(nabla_path)
    _, torch = load(torch_path)
    print("| bench | model | batch | threads | unit | rounds | nabla median | nabla best | torch median | torch best | ratio of medians | ratio of bests |")
    print("|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for k in sorted(units, key=lambda k: (k[3], k[0] != "train", k)):
        unit = units[k]
        n, t = nabla.get(k, []), torch.get(k, [])
        nm = statistics.median(n) if n else None
        tm = statistics.median(t) if t else None
        nb = best(n, unit) if n else None
        tb = best(t, unit) if t else None
        cells = [k[0], k[1], str(k[2]), str(k[3]), unit, f"{len(n)}/{len(t)}", fmt(nm), fmt(nb), fmt(tm), fmt(tb),
                 fmt(ratio(nm, tm, unit)), fmt(ratio(nb, tb, unit))]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
