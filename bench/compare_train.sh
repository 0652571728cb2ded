#!/usr/bin/env bash
# Runs `nabla bench train` and the same models in PyTorch (bench/reference_train.py), interleaved for
# several rounds so that both see the same load, then prints a table of medians and bests over the
# rounds with Nabla/PyTorch ratios (> 1 = Nabla faster). See docs/benchmarks.md.
#   bench/compare_train.sh [--quick] [--rounds N] [--threads 1,2] [--only mlp,cnn] [--out DIR]
# Raw JSON lines land in DIR (default target/bench-train): nabla.jsonl, torch.jsonl, table.md, machine.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=/usr/bin/python3
QUICK=()
ROUNDS=3
THREADS=1,2
ONLY=()
OUT="$ROOT/target/bench-train"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=(--quick); shift ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --only) ONLY=(--only "$2"); shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "compare_train.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT"

if ! "$PY" -c "import torch" >/dev/null 2>&1; then
  echo "compare_train.sh: PyTorch is missing for $PY; install it with: apt-get install -y python3-torch" >&2
  exit 3
fi
# Both would hold OpenBLAS (PyTorch's BLAS here, and Nabla's native GEMM) to an older kernel and, for
# OPENBLAS_L2_SIZE, to tiny cache blocks: with L2_SIZE=512 Nabla's MLP step ran 40x slower.
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "command: bench/compare_train.sh ${QUICK[*]:-} --rounds $ROUNDS --threads $THREADS ${ONLY[*]:-}"
  if command -v lscpu >/dev/null; then
    lscpu | grep -E '^(Model name|CPU family|Model|CPU\(s\)|Vendor ID):' | sed 's/  */ /g'
  fi
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

: > "$OUT/nabla.jsonl"
: > "$OUT/torch.jsonl"
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round/$ROUNDS: nabla bench train --threads $THREADS" >&2
  "$ROOT/bin/nabla" bench train --json --threads "$THREADS" "${QUICK[@]}" "${ONLY[@]}" | tee -a "$OUT/nabla.jsonl"
  # One process per thread count: OpenMP reads its thread count when torch loads.
  for t in ${THREADS//,/ }; do
    echo "== round $round/$ROUNDS: reference_train.py --threads $t" >&2
    OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t MKL_NUM_THREADS=$t \
      "$PY" "$ROOT/bench/reference_train.py" --threads "$t" "${QUICK[@]}" ${ONLY[1]:+--only "${ONLY[1]}"} | tee -a "$OUT/torch.jsonl"
  done
  echo "load average after round $round: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" | tee -a "$OUT/machine.txt" >&2
done

echo
"$PY" "$ROOT/bench/compare_train_table.py" "$OUT/nabla.jsonl" "$OUT/torch.jsonl" | tee "$OUT/table.md"
echo "ratios > 1: Nabla faster (samples/s nabla/torch, us torch/nabla). Raw lines: $OUT" >&2
