package dev.nabla.ml.cluster;

import dev.nabla.Tensor;
import dev.nabla.ml.Estimator;
import java.util.Map;

/** sklearn's ClusterMixin: an unsupervised estimator that assigns each training sample a cluster label. */
public interface Clusterer extends Estimator {
    Clusterer fit(Tensor x);

    /** labels_: the cluster of each training sample as int64 (DBSCAN marks noise -1). */
    Tensor labels();

    default Tensor fitPredict(Tensor x) {
        return fit(x).labels();
    }

    @Override
    Clusterer setParams(Map<String, ?> changes);

    @Override
    Clusterer clone();
}
