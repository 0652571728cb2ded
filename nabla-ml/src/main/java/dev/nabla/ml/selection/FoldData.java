package dev.nabla.ml.selection;

import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one split, copied once before the parallel fits start: every (candidate, fold) task then
 * only reads them, and no task pays for the copy again.
 */
record FoldData(Tensor xTrain, Tensor yTrain, Tensor xTest, Tensor yTest) {
    static List<FoldData> of(Tensor x, Tensor y, List<Split> splits) {
        List<FoldData> folds = new ArrayList<>(splits.size());
        for (Split s : splits)
            folds.add(new FoldData(Split.rows(x, s.train()), Split.rows(y, s.train()), Split.rows(x, s.test()), Split.rows(y, s.test())));
        return folds;
    }
}
