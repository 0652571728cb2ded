#!/usr/bin/python3
"""KNeighborsClassifier(k=5) speed: 10,000 queries against 50,000 x 20 training rows (make_classification).

Writes the data as raw little-endian float64 to DIR (default /tmp/knn_speed) so nabla's KnnSpeed runs on
the very same rows, then times sklearn's predict with 2 threads (OMP/OpenBLAS). Usage:

    OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 /usr/bin/python3 scripts/bench/knn_speed.py [DIR]
"""
import os
import sys
import time

import numpy as np
from sklearn.datasets import make_classification
from sklearn.neighbors import KNeighborsClassifier
from threadpoolctl import threadpool_limits

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/knn_speed"
os.makedirs(out, exist_ok=True)
X, y = make_classification(n_samples=60000, n_features=20, n_informative=10, random_state=0)
Xtr, ytr, Xte, yte = X[:50000], y[:50000], X[50000:], y[50000:]
for name, a in (("xtr", Xtr), ("ytr", ytr), ("xte", Xte), ("yte", yte)):
    np.asarray(a, dtype="<f8").tofile(os.path.join(out, name + ".bin"))

with threadpool_limits(2):
    model = KNeighborsClassifier(n_neighbors=5).fit(Xtr, ytr)
    times = []
    for _ in range(3):
        t = time.perf_counter()
        pred = model.predict(Xte)
        times.append(time.perf_counter() - t)
print("sklearn %s: algorithm=%s predict best %.3f s (runs %s), accuracy %.4f"
      % (__import__("sklearn").__version__, model._fit_method, min(times), ["%.3f" % v for v in times], (pred == yte).mean()))
