#!/usr/bin/env bash
# Fits the `nabla bench ml` workloads in Nabla and in scikit-learn on the very same arrays (made by
# sklearn's make_* functions, seed 0, saved as .npy) at the same thread count, then prints time ratios
# and score differences. See docs/benchmarks.md, "Classical ML".
#   bench/compare_ml.sh [--quick] [--threads N] [--only w1,w2] [--out DIR]
# Raw JSON lines land in DIR (default target/bench-compare-ml): nabla.jsonl, sklearn.jsonl, table.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=/usr/bin/python3
QUICK=()
THREADS=2
ONLY=()
OUT="$ROOT/target/bench-compare-ml"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=(--quick); shift ;;
    --threads) THREADS="$2"; shift 2 ;;
    --only) ONLY=(--only "$2"); shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "compare_ml.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if ! "$PY" -c "import sklearn, numpy" >/dev/null 2>&1; then
  echo "compare_ml.sh: $PY cannot import scikit-learn and NumPy; install them: apt-get install -y python3-sklearn" >&2
  exit 3
fi
mkdir -p "$OUT"
DATA="$(mktemp -d "${TMPDIR:-/tmp}/nabla-bench-ml.XXXXXX")"
trap 'rm -rf "$DATA"' EXIT

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "command: bench/compare_ml.sh ${QUICK[*]:-} --threads $THREADS ${ONLY[*]:-}"
  echo "sklearn: $("$PY" -c 'import sklearn; print(sklearn.__version__)')"
  if command -v lscpu >/dev/null; then lscpu | grep -E '^(Model name|CPU\(s\)):' | sed 's/  */ /g'; fi
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

echo "== making the datasets in $DATA" >&2
"$PY" "$ROOT/bench/reference_ml.py" make-data "$DATA" "${QUICK[@]}"

# Both sides get the same thread count: Nabla's pool through --threads, sklearn's OpenMP/BLAS pools
# through the environment (set before they load) and n_jobs.
echo "== nabla bench ml --json --data DIR --threads $THREADS" >&2
"$ROOT/bin/nabla" bench ml --json --data "$DATA" --threads "$THREADS" "${ONLY[@]}" | tee "$OUT/nabla.jsonl"

echo "== reference_ml.py run --threads $THREADS" >&2
ONLY_PY=()
[ ${#ONLY[@]} -gt 0 ] && ONLY_PY=(--only "${ONLY[1]}")
OMP_NUM_THREADS=$THREADS OPENBLAS_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS \
  "$PY" "$ROOT/bench/reference_ml.py" run "$DATA" --threads "$THREADS" "${ONLY_PY[@]}" | tee "$OUT/sklearn.jsonl"

echo
"$PY" "$ROOT/bench/reference_ml.py" compare "$OUT/nabla.jsonl" "$OUT/sklearn.jsonl" | tee "$OUT/table.md"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" | tee -a "$OUT/machine.txt" >&2
