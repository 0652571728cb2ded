#!/usr/bin/env python3
"""scikit-learn side of `bench/compare_ml.sh`: makes the `nabla bench ml` datasets, fits the same
estimators on them, and prints the comparison table.

  reference_ml.py make-data DIR [--quick]       sklearn make_* data, seed 0, as DIR/<workload>/*.npy
  reference_ml.py run DIR --threads N [--only w1,w2]   fits, one JSON line per workload ("impl":"sklearn")
  reference_ml.py compare NABLA.jsonl SKLEARN.jsonl    Markdown table of time ratios and score differences

Shapes, generator parameters and hyper-parameters mirror dev.nabla.bench.ml.MlWorkload / MlRegistry.
Scores: accuracy (classifiers, on X_test), R^2 (ridge), adjusted Rand index of the clusters against the
blob labels (kmeans), explained variance ratio of the kept components (pca).
"""
import argparse
import json
import os
import sys
import time

# (name, estimator, generator, rows, cols, test rows) -- MlWorkload.ALL
WORKLOADS = [
    ("logistic", "LogisticRegression", "classification", 50_000, 50, 10_000),
    ("random_forest", "RandomForestClassifier", "classification", 50_000, 20, 10_000),
    ("hist_gradient_boosting", "HistGradientBoostingClassifier", "classification", 200_000, 20, 20_000),
    ("kmeans", "KMeans", "blobs", 200_000, 10, 0),
    ("pca", "PCA", "classification", 100_000, 100, 0),
    ("knn", "KNeighborsClassifier", "classification", 50_000, 20, 10_000),
    ("ridge", "Ridge", "regression", 200_000, 100, 20_000),
]


def make_data(out, quick):
    import numpy as np
    from sklearn import datasets
    for name, _, gen, rows, cols, test in WORKLOADS:
        if quick:  # MlWorkload.shrunk(100)
            rows, test = max(200, rows // 100), (0 if test == 0 else max(50, test // 100))
        n = rows + test
        if gen == "classification":
            inf = min(10, cols)
            X, y = datasets.make_classification(n_samples=n, n_features=cols, n_informative=inf,
                                                n_redundant=min(5, cols - inf), random_state=0)
        elif gen == "blobs":
            X, y = datasets.make_blobs(n_samples=n, n_features=cols, centers=8, random_state=0)
        else:
            X, y = datasets.make_regression(n_samples=n, n_features=cols, n_informative=10, noise=10, random_state=0)
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        arrays = {"X_train": X[:rows], "y_train": y[:rows]}
        if test:
            arrays.update(X_test=X[rows:], y_test=y[rows:])
        for key, a in arrays.items():
            a = np.ascontiguousarray(a, dtype=np.float64 if key.startswith("X") or gen == "regression" else np.int64)
            np.save(os.path.join(d, key + ".npy"), a)
        print(f"{name}: X_train {X[:rows].shape}" + (f", X_test {X[rows:].shape}" if test else ""), file=sys.stderr)


def run(data, threads, only):
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(threads)  # before numpy / sklearn load their thread pools
    import numpy as np
    from sklearn import cluster, decomposition, ensemble, linear_model, metrics, neighbors

    fits = {
        "logistic": lambda: linear_model.LogisticRegression(max_iter=200),
        "random_forest": lambda: ensemble.RandomForestClassifier(n_estimators=100, n_jobs=threads, random_state=0),
        "hist_gradient_boosting": lambda: ensemble.HistGradientBoostingClassifier(max_iter=100, early_stopping=False, random_state=0),
        "kmeans": lambda: cluster.KMeans(n_clusters=8, n_init=1, random_state=0),
        "pca": lambda: decomposition.PCA(n_components=10),
        "knn": lambda: neighbors.KNeighborsClassifier(n_neighbors=5, n_jobs=threads),
        "ridge": lambda: linear_model.Ridge(alpha=1.0),
    }

    def load(name, key):
        path = os.path.join(data, name, key + ".npy")
        return np.load(path) if os.path.exists(path) else None

    def once(name, X, y, Xt, yt):
        model = fits[name]()
        t0 = time.perf_counter()
        model.fit(X, y)
        predicted = model.predict(Xt) if name == "knn" else None  # knn: predicting the queries is the work
        seconds = time.perf_counter() - t0
        if name == "kmeans":
            score = metrics.adjusted_rand_score(y, model.labels_) if y is not None else None
        elif name == "pca":
            score = float(model.explained_variance_ratio_.sum())
        elif name == "ridge":
            score = metrics.r2_score(yt, model.predict(Xt))
        else:
            score = metrics.accuracy_score(yt, predicted if predicted is not None else model.predict(Xt))
        return seconds, score

    for name, estimator, *_ in WORKLOADS:
        if only and name not in only:
            continue
        X, y, Xt, yt = (load(name, k) for k in ("X_train", "y_train", "X_test", "y_test"))
        if X is None:
            sys.exit(f"reference_ml.py: {data}/{name}/X_train.npy is missing; run make-data first")
        head, thead = max(100, len(X) // 10), (None if Xt is None else max(20, len(Xt) // 10))
        for _ in range(3):  # warm-up fits (the Java side warms up for at least 3 fits and 1 s, for its JIT)
            once(name, X[:head], None if y is None else y[:head], None if Xt is None else Xt[:thead], None if yt is None else yt[:thead])
        seconds, score = once(name, X, y, Xt, yt)
        line = {"bench": "ml", "params": {"estimator": estimator, "rows": int(X.shape[0]), "cols": int(X.shape[1]),
                                          "threads": threads, "impl": "sklearn"}, "value": round(seconds, 4), "unit": "s"}
        if score is not None:
            line["score"] = round(float(score), 4)
        print(json.dumps(line, separators=(",", ":")), flush=True)


def compare(nabla_path, ref_path):
    def rows(path):
        with open(path) as f:
            return [json.loads(l) for l in f if l.strip().startswith("{")]

    def key(r):
        # one line per estimator and thread count; a workload missing from this build reports its
        # nominal size, not the data's, so sizes are shown but not joined on
        return r["params"]["estimator"], r["params"]["threads"]

    refs = {key(r): r for r in rows(ref_path)}
    print("| estimator | rows x cols | threads | nabla s | sklearn s | sklearn/nabla (>1: nabla faster) | nabla score | sklearn score | score diff |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows(nabla_path):
        est, t = key(r)
        ref = refs.get(key(r), {})
        n, d = ref.get("params", r["params"])["rows"], ref.get("params", r["params"])["cols"]
        nv, rv = r.get("value"), ref.get("value")
        ns, rs = r.get("score"), ref.get("score")
        ratio = f"{rv / nv:.2f}" if nv and rv else "n/a"
        diff = f"{ns - rs:+.4f}" if ns is not None and rs is not None else "n/a"
        nabla_cell = f"{nv:.4g}" if nv is not None else "n/a (" + r.get("error", "?") + ")"
        print(f"| {est} | {n} x {d} | {t} | {nabla_cell} | {rv if rv is not None else 'n/a'} | {ratio} | "
              f"{ns if ns is not None else 'n/a'} | {rs if rs is not None else 'n/a'} | {diff} |")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make-data")
    m.add_argument("dir")
    m.add_argument("--quick", action="store_true", help="rows / 100, as `bench ml --quick`")
    r = sub.add_parser("run")
    r.add_argument("dir")
    r.add_argument("--threads", type=int, required=True)
    r.add_argument("--only", default="", help="comma-separated workload names")
    c = sub.add_parser("compare")
    c.add_argument("nabla")
    c.add_argument("sklearn")
    a = p.parse_args()
    if a.cmd == "make-data":
        make_data(a.dir, a.quick)
    elif a.cmd == "run":
        run(a.dir, a.threads, set(filter(None, a.only.split(","))))
    else:
        compare(a.nabla, a.sklearn)


if __name__ == "__main__":
    main()
