#!/usr/bin/python3
"""Benchmark data and scikit-learn timings for nabla-ml's RandomForest and HistGradientBoosting.

Writes make_classification data as .npy into OUTDIR (default /tmp/nabla-tree-bench):
    rf_X.npy rf_y.npy     50,000 x 20   (RandomForestClassifier, 100 trees)
    hgb_X.npy hgb_y.npy   200,000 x 20  (HistGradientBoostingClassifier, 100 iterations, no early stopping)
then times sklearn's fit on the first 80% of rows (median of REPEATS) with 2 threads and prints the
accuracy on the last 20%. Run the Java side on the same files with
    java -cp ... dev.nabla.ml.bench.TreeBench OUTDIR
(see TreeBench's comment). Usage:
    OMP_NUM_THREADS=2 /usr/bin/python3 scripts/bench/ml_trees_sklearn.py [OUTDIR]
"""

import os
import sys
import time

import numpy as np
from sklearn.datasets import make_classification
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier

OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/nabla-tree-bench"
REPEATS = 3


def data(name, n):
    if not os.path.exists(os.path.join(OUT, name + "_X.npy")):
        X, y = make_classification(n_samples=n, n_features=20, n_informative=10, n_redundant=4, random_state=0)
        np.save(os.path.join(OUT, name + "_X.npy"), X)
        np.save(os.path.join(OUT, name + "_y.npy"), y.astype(np.float64))
    return np.load(os.path.join(OUT, name + "_X.npy")), np.load(os.path.join(OUT, name + "_y.npy"))


def bench(label, make, X, y):
    cut = int(0.8 * len(y))
    times, acc = [], None
    for _ in range(REPEATS):
        model = make()
        t = time.perf_counter()
        model.fit(X[:cut], y[:cut])
        times.append(time.perf_counter() - t)
        acc = model.score(X[cut:], y[cut:])
    print("%s sklearn fit %.2fs (median of %d: %s) accuracy %.4f" % (label, float(np.median(times)), REPEATS,
                                                                    " ".join("%.2f" % s for s in times), acc))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    X, y = data("rf", 50_000)
    bench("RandomForestClassifier(100)", lambda: RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0), X, y)
    X, y = data("hgb", 200_000)
    bench("HistGradientBoostingClassifier(100)", lambda: HistGradientBoostingClassifier(max_iter=100, early_stopping=False), X, y)
