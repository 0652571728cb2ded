#!/usr/bin/env bash
# Peak heap of a `nabla bench ml` fit, per byte of training input: the smallest -Xmx with which the fit
# completes, found by bisection, at the full training rows and at half of them. The difference of the
# two, divided by the difference in X_train bytes, is the heap the fit needs per input byte (the JVM,
# the test rows and the loading cancel out); minus 1 for X_train itself, it is the fit's own peak.
#   bench/peak_heap.sh DATA_DIR WORKLOAD [THREADS]     (DATA_DIR as written by reference_ml.py make-data)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$1"; WORK="$2"; THREADS="${3:-2}"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/nabla-peak.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

# full and half training rows, the same test rows
/usr/bin/python3 - "$DATA/$WORK" "$TMP" "$WORK" <<'PY'
import os, shutil, sys
import numpy as np
src, out, work = sys.argv[1:]
x = np.load(os.path.join(src, "X_train.npy"))
for name, rows in (("full", len(x)), ("half", len(x) // 2)):
    d = os.path.join(out, name, work)
    os.makedirs(d)
    for f in os.listdir(src):
        a = np.load(os.path.join(src, f))
        np.save(os.path.join(d, f), a[:rows] if f.endswith("_train.npy") else a)
PY

fits() {  # fits DIR MB: does the fit complete with -Xmx MB?
  NABLA_JAVA_OPTS="-Xmx${2}m" "$ROOT/bin/nabla" bench ml --json --data "$1" --only "$WORK" --threads "$THREADS" 2>/dev/null | grep -q '"value"'
}

smallest() {  # bisection to 2 MB
  local lo=8 hi=8192 mid
  while [ $((hi - lo)) -gt 2 ]; do
    mid=$(((lo + hi) / 2))
    if fits "$1" "$mid"; then hi=$mid; else lo=$mid; fi
  done
  echo "$hi"
}

"$ROOT/bin/nabla" doctor >/dev/null  # build first, outside the timing
full=$(smallest "$TMP/full"); half=$(smallest "$TMP/half")
bytes_full=$(stat -c %s "$TMP/full/$WORK/X_train.npy"); bytes_half=$(stat -c %s "$TMP/half/$WORK/X_train.npy")
/usr/bin/python3 -c "
full, half, bf, bh = $full, $half, $bytes_full, $bytes_half
per_byte = (full - half) * 2**20 / (bf - bh)
print(f'$WORK: smallest -Xmx {half} MB at half the rows, {full} MB at all rows; X_train {bf/2**20:.1f} MB;'
      f' heap per input byte {per_byte:.2f}, so the fit itself peaks at {per_byte - 1:.2f}x its input (+-{4*2**20/(bf-bh):.2f})')
"
