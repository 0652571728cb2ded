#!/usr/bin/python3
"""scikit-learn side of dev.nabla.ml.bench.UnsupervisedBench: the same data (written by the Java
bench as little-endian float64) and the same estimators, median of 5 runs after 2 warm-ups.

    OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 MKL_NUM_THREADS=2 /usr/bin/python3 scripts/bench/unsupervised_sklearn.py /tmp/nabla-unsup-bench
"""
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from threadpoolctl import threadpool_limits

d = sys.argv[1] if len(sys.argv) > 1 else "/tmp/nabla-unsup-bench"
blobs = np.fromfile(d + "/blobs.f64", dtype="<f8").reshape(200_000, 10)
wide = np.fromfile(d + "/wide.f64", dtype="<f8").reshape(100_000, 100)


def median(f):
    for _ in range(2):
        f()
    ts = []
    for _ in range(5):
        t0 = time.perf_counter()
        r = f()
        ts.append((time.perf_counter() - t0) * 1e3)
    return sorted(ts)[2], r


with threadpool_limits(2):
    for algo in ("lloyd", "elkan"):
        t, km = median(lambda: KMeans(8, n_init=1, algorithm=algo, random_state=0).fit(blobs))
        print("KMeans %-5s 200000x10 k=8 n_init=1: %.1f ms, inertia %.6e" % (algo, t, km.inertia_))
    for solver in ("auto", "randomized", "full"):
        t, p = median(lambda: PCA(10, svd_solver=solver, random_state=0).fit(wide))
        print("PCA %-10s 100000x100 n=10: %.1f ms, explained variance ratio sum %.12f (solver %s)"
              % (solver, t, p.explained_variance_ratio_.sum(), p._fit_svd_solver))
