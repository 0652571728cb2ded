#!/usr/bin/env python3
"""NumPy and PyTorch reference figures for `nabla bench core`, in the same JSON line format.

Runs one thread count per process: OpenBLAS and OpenMP read their thread counts from the
environment when the libraries load, so the count is set here *before* numpy/torch are imported.
Usage: reference_core.py --threads N [--quick] [--no-numpy] [--no-torch]
"""
import argparse
import json
import os
import statistics
import sys
import time

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument("--threads", type=int, required=True)
p.add_argument("--quick", action="store_true", help="tiny sizes and budgets (smoke test)")
p.add_argument("--no-numpy", action="store_true")
p.add_argument("--no-torch", action="store_true")
p.add_argument("--overheads", action="store_true", help="also emit the per-op overhead rows (run once, at 1 thread)")
args = p.parse_args()

T = str(args.threads)
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = T

# Same budgets as dev.nabla.bench.Measure: warm up, size a batch of calls to last a while, median of reps.
WARMUP, TARGET_REP, REPS, MAX_TOTAL = (0.002, 0.001, 3, 0.05) if args.quick else (0.3, 0.05, 7, 4.0)
SLOW_CALL = 1.0


def median_seconds(fn):
    """Median seconds per call of fn, measured like Measure.medianNanos on the Java side."""
    start = time.perf_counter()
    fn()
    first = time.perf_counter() - start
    samples = []
    if first >= SLOW_CALL:
        samples.append(first)
        per_call = first
    else:
        w0, calls = time.perf_counter(), 0
        while True:
            fn()
            calls += 1
            if time.perf_counter() - w0 >= WARMUP:
                break
        per_call = (time.perf_counter() - w0) / calls
    batch = max(1, int(-(-TARGET_REP // max(per_call, 1e-9))))
    min_samples = 1 if per_call >= SLOW_CALL else min(3, REPS)
    while len(samples) < REPS:
        if len(samples) >= min_samples and time.perf_counter() - start > MAX_TOTAL:
            break
        t0 = time.perf_counter()
        for _ in range(batch):
            fn()
        samples.append((time.perf_counter() - t0) / batch)
    return statistics.median(samples)


def emit(bench, params, value, unit, error=None):
    line = {"bench": bench, "params": params, "value": None if value is None else float(f"{value:.4g}")}
    if error is not None:
        line["error"] = error
    line["unit"] = unit
    print(json.dumps(line, separators=(",", ":")), flush=True)


q = args.quick
GEMM_SIZES = [64, 128] if q else [256, 512, 1024, 2048]
ELEM_SIZES = [1 << 16] if q else [1 << 20, 1 << 24]
SOFTMAX = (256, 1024) if q else (4096, 1024)
CONV = (4, 3, 32, 32, 3, 1) if q else (64, 3, 32, 32, 3, 1)  # batch, in, out, size, kernel, padding


def run_numpy():
    import numpy as np
    rng = np.random.default_rng(42)
    impl = "numpy"
    for n in GEMM_SIZES:
        a = rng.standard_normal((n, n), dtype=np.float32)
        b = rng.standard_normal((n, n), dtype=np.float32)
        s = median_seconds(lambda: np.dot(a, b))
        emit("sgemm", {"n": n, "threads": args.threads, "impl": impl}, 2.0 * n ** 3 / s / 1e9, "GFLOP/s")
    for n in ELEM_SIZES:
        a = rng.random(n, dtype=np.float32)
        b = rng.random(n, dtype=np.float32)
        s = median_seconds(lambda: a + b)
        emit("elementwise", {"op": "add", "n": n, "threads": args.threads, "impl": impl}, 12.0 * n / s / 1e9, "GB/s")
        s = median_seconds(lambda: np.exp(a))
        emit("elementwise", {"op": "exp", "n": n, "threads": args.threads, "impl": impl}, 8.0 * n / s / 1e9, "GB/s")
    rows, cols = SOFTMAX
    x = rng.standard_normal((rows, cols), dtype=np.float32)

    def softmax():  # the usual NumPy idiom: no fused kernel exists
        e = np.exp(x - x.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    s = median_seconds(softmax)
    emit("softmax", {"rows": rows, "cols": cols, "threads": args.threads, "impl": impl}, 8.0 * rows * cols / s / 1e9, "GB/s")
    if args.overheads:
        a1 = np.array([1.5], dtype=np.float32)
        b1 = np.array([2.5], dtype=np.float32)
        s = median_seconds(lambda: a1 + b1)
        emit("op_overhead", {"op": "add", "n": 1, "grad": False, "impl": impl}, s * 1e9, "ns")


def run_torch():
    import torch
    import torch.nn.functional as F
    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    impl = "torch"
    for n in GEMM_SIZES:
        a, b = torch.randn(n, n), torch.randn(n, n)
        s = median_seconds(lambda: torch.matmul(a, b))
        emit("sgemm", {"n": n, "threads": args.threads, "impl": impl}, 2.0 * n ** 3 / s / 1e9, "GFLOP/s")
    for n in ELEM_SIZES:
        a, b = torch.rand(n), torch.rand(n)
        s = median_seconds(lambda: a + b)
        emit("elementwise", {"op": "add", "n": n, "threads": args.threads, "impl": impl}, 12.0 * n / s / 1e9, "GB/s")
        s = median_seconds(lambda: torch.exp(a))
        emit("elementwise", {"op": "exp", "n": n, "threads": args.threads, "impl": impl}, 8.0 * n / s / 1e9, "GB/s")
    rows, cols = SOFTMAX
    x = torch.randn(rows, cols)
    s = median_seconds(lambda: torch.softmax(x, 1))
    emit("softmax", {"rows": rows, "cols": cols, "threads": args.threads, "impl": impl}, 8.0 * rows * cols / s / 1e9, "GB/s")
    batch, cin, size, cout, k, pad = CONV
    x = torch.randn(batch, cin, size, size)
    w, bias = torch.randn(cout, cin, k, k), torch.randn(cout)
    with torch.no_grad():  # forward only, as on the Nabla side (its inputs do not require grad)
        s = median_seconds(lambda: F.conv2d(x, w, bias, stride=1, padding=pad))
    emit("conv2d", {"batch": batch, "in": cin, "out": cout, "h": size, "w": size, "k": k, "padding": pad,
                    "threads": args.threads, "impl": impl}, s * 1e3, "ms")
    if args.overheads:
        for grad in (False, True):
            a1 = torch.tensor([1.5], requires_grad=grad)
            b1 = torch.tensor([2.5], requires_grad=grad)
            s = median_seconds(lambda: a1 + b1)
            emit("op_overhead", {"op": "add", "n": 1, "grad": grad, "impl": impl}, s * 1e9, "ns")
        xin = torch.randn(1, 16)
        w = torch.randn(16, 16, requires_grad=True)
        b = torch.randn(16, requires_grad=True)

        def step():
            w.grad = None
            b.grad = None
            F.linear(xin, w, b).sum().backward()
            return w.grad

        s = median_seconds(step)
        emit("linear_fwd_bwd", {"in": 16, "out": 16, "batch": 1, "impl": impl}, s * 1e6, "us")


status = 0
for name, flag, runner in (("numpy", args.no_numpy, run_numpy), ("torch", args.no_torch, run_torch)):
    if flag:
        continue
    try:
        runner()
    except ImportError as e:
        print(f"reference_core.py: {name} is not installed ({e}); install it with: apt-get install -y python3-{name}",
              file=sys.stderr)
        status = 2
sys.exit(status)
