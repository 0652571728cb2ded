#!/usr/bin/env python3
"""PyTorch reference figures for `nabla bench train`, in the same JSON line format with "impl":"torch".

The models match dev.nabla.bench.TrainModels; the timing matches dev.nabla.bench.Measure with the
training budget (3 s warm-up, ~200 ms repetitions, median of up to 7). One thread count per process:
OpenMP reads its thread count when torch loads, so it is set here before the import.
Usage: reference_train.py --threads N [--quick] [--only mlp,cnn,...]
"""
import argparse
import json
import os
import statistics
import time

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument("--threads", type=int, required=True)
p.add_argument("--quick", action="store_true", help="tiny batches and budgets (smoke test)")
p.add_argument("--only", default="", help="comma-separated models")
args = p.parse_args()
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(args.threads)

import torch  # noqa: E402  (after the thread variables)
from torch import nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(args.threads)
torch.manual_seed(42)
q = args.quick
CLASSES = 10
MODELS = ["mlp", "cnn", "lstm", "transformer"]
only = [m for m in args.only.split(",") if m] or MODELS
# (warm-up, target repetition, repetitions, max total) in seconds: Measure.Budget.quick() / training().
WARMUP, TARGET_REP, REPS, MAX_TOTAL = (0.002, 0.001, 3, 0.05) if q else (3.0, 0.2, 7, 6.0)


def median_seconds(fn):
    """Median seconds per call of fn, measured like Measure.medianNanos on the Java side."""
    start = time.perf_counter()
    fn()
    w0, calls = time.perf_counter(), 0
    while time.perf_counter() - w0 < WARMUP or calls == 0:
        fn()
        calls += 1
    per_call = (time.perf_counter() - w0) / calls
    batch = max(1, int(-(-TARGET_REP // max(per_call, 1e-9))))
    samples = []
    while len(samples) < REPS:
        if len(samples) >= min(3, REPS) and time.perf_counter() - start > MAX_TOTAL:
            break
        t0 = time.perf_counter()
        for _ in range(batch):
            fn()
        samples.append((time.perf_counter() - t0) / batch)
    return statistics.median(samples)


def emit(bench, params, value, unit):
    line = {"bench": bench, "params": params, "value": float(f"{value:.4g}"), "unit": unit}
    print(json.dumps(line, separators=(",", ":")), flush=True)



class LastStepLstm(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(32, 128, batch_first=True)
        self.head = nn.Linear(128, CLASSES)

    def forward(self, x):
        return self.head(self.lstm(x)[0][:, -1])


class PooledEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.TransformerEncoderLayer(128, 4, dim_feedforward=512, dropout=0.0, batch_first=True)
        self.head = nn.Linear(128, CLASSES)

    def forward(self, x):
        return self.head(self.encoder(x).mean(1))


def build(model):
    """(net, batch, example shape) as in TrainModels.build."""
    if model == "mlp":
        return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, CLASSES)), 8 if q else 128, (784,)
    if model == "cnn":
        net = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                            nn.Flatten(), nn.Linear(64 * 5 * 5, 128), nn.ReLU(), nn.Linear(128, CLASSES))
        return net, 4 if q else 64, (1, 28, 28)
    if model == "lstm":
        return LastStepLstm(), 4 if q else 64, (5 if q else 50, 32)
    if model == "transformer":
        return PooledEncoder(), 2 if q else 32, (8 if q else 64, 128)
    raise ValueError(model)


def train(model):
    net, batch, shape = build(model)
    net.train()
    x, y = torch.randn(batch, *shape), torch.randint(0, CLASSES, (batch,))
    opt = torch.optim.Adam(net.parameters())

    def step():
        opt.zero_grad(set_to_none=True)  # what Nabla's zeroGrad() does (PyTorch 2's default)
        loss = F.cross_entropy(net(x), y)
        loss.backward()
        opt.step()

    s = median_seconds(step)
    emit("train", {"model": model, "batch": batch, "threads": args.threads, "impl": "torch"}, batch / s, "samples/s")


def infer(model, batch):
    net, _, shape = build(model)
    net.eval()
    x = torch.randn(batch, *shape)

    def forward():
        with torch.no_grad():
            net(x)

    s = median_seconds(forward)
    params = {"model": model, "batch": batch, "threads": args.threads, "impl": "torch"}
    if batch == 1:
        emit("infer", params, s * 1e6, "us")
    else:
        emit("infer", params, batch / s, "samples/s")


for m in MODELS:
    if m in only:
        train(m)
for m in ("mlp", "cnn"):
    if m in only:
        infer(m, 1)
        infer(m, 8 if q else 256)
