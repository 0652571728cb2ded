"""PyTorch reference for nabla-bench ConvBench: conv2d forward 64x3x32x32 * 32x3x3x3, padding 1, float32.

Run as: env -u OPENBLAS_CORETYPE /usr/bin/python3 scripts/bench/conv2d_torch.py
"""
import time

import torch
import torch.nn.functional as F

REPS = 50
x, w, b = torch.randn(64, 3, 32, 32), torch.randn(32, 3, 3, 3), torch.randn(32)
with torch.no_grad():
    for threads in (1, 2):
        torch.set_num_threads(threads)
        for _ in range(20):
            F.conv2d(x, w, b, padding=1)
        ms = []
        for _ in range(REPS):
            s = time.perf_counter()
            F.conv2d(x, w, b, padding=1)
            ms.append((time.perf_counter() - s) * 1e3)
        ms.sort()
        print(f"torch threads={threads} conv2d 64x3x32x32 * 32x3x3x3 pad1: median {ms[REPS // 2]:.2f} ms min {ms[0]:.2f} ms")
