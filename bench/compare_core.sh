#!/usr/bin/env bash
# Runs `nabla bench core` and the same workloads in NumPy and PyTorch, then prints a table of
# Nabla/reference ratios (> 1 = Nabla faster). See docs/benchmarks.md.
#   bench/compare_core.sh [--quick] [--out DIR]
# Raw JSON lines land in DIR (default target/bench-compare): nabla.jsonl, reference.jsonl, table.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=/usr/bin/python3
QUICK=()
OUT="$ROOT/target/bench-compare"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=(--quick); shift ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "compare_core.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT"

# What the numbers were measured on; the 2-thread figures mean little on a loaded machine.
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "command: bench/compare_core.sh ${QUICK[*]:-}"
  if command -v lscpu >/dev/null; then
    lscpu | grep -E '^(Model name|CPU family|Model|CPU\(s\)|Vendor ID):' | sed 's/  */ /g'
  fi
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# The reference must run OpenBLAS's own pick of kernel for this CPU: these two variables would hold it
# to an older one (nabla doctor warns about them). Unset for every run here, Nabla's included, so a
# native-BLAS row on the Nabla side is measured under the same conditions.
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE

# --- which references can run -------------------------------------------------------------------
REF_FLAGS=()
if [ ! -x "$PY" ]; then
  echo "compare_core.sh: $PY not found; install Python 3 with NumPy and PyTorch:" >&2
  echo "  apt-get install -y python3-numpy python3-torch" >&2
  exit 3
fi
have() { "$PY" -c "import $1" >/dev/null 2>&1; }
missing=()
have numpy || { missing+=(numpy); REF_FLAGS+=(--no-numpy); }
have torch || { missing+=(torch); REF_FLAGS+=(--no-torch); }
if [ ${#missing[@]} -gt 0 ]; then
  echo "compare_core.sh: MISSING reference(s): ${missing[*]} -- their columns will be empty." >&2
  echo "  install with: apt-get install -y$(printf ' python3-%s' "${missing[@]}")" >&2
  if [ ${#missing[@]} -eq 2 ]; then echo "compare_core.sh: nothing to compare against; stopping." >&2; exit 3; fi
fi

# --- Nabla ---------------------------------------------------------------------------------------
echo "== nabla bench core --json ${QUICK[*]:-}" >&2
"$ROOT/bin/nabla" bench core --json "${QUICK[@]}" > "$OUT/nabla.jsonl"
cat "$OUT/nabla.jsonl"

# --- references: one process per thread count (BLAS/OpenMP read their thread count at load) -----
: > "$OUT/reference.jsonl"
for t in 1 2; do
  extra=()
  [ "$t" = 1 ] && extra=(--overheads)   # per-op overheads are single-threaded; measure them once
  echo "== reference_core.py --threads $t" >&2
  OPENBLAS_NUM_THREADS=$t OMP_NUM_THREADS=$t MKL_NUM_THREADS=$t \
    "$PY" "$ROOT/bench/reference_core.py" --threads "$t" "${QUICK[@]}" "${REF_FLAGS[@]}" "${extra[@]}" \
    | tee -a "$OUT/reference.jsonl"
done

# --- ratios ---------------------------------------------------------------------------------------
echo
"$PY" "$ROOT/bench/compare_table.py" "$OUT/nabla.jsonl" "$OUT/reference.jsonl" | tee "$OUT/table.md"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" | tee -a "$OUT/machine.txt" >&2
echo
echo "ratios > 1: Nabla faster (throughput nabla/ref, times ref/nabla). Raw lines: $OUT" >&2
