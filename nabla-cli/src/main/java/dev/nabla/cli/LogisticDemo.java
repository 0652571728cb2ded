package dev.nabla.cli;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import java.io.PrintWriter;

/**
 * Two-class logistic (softmax) regression trained by minibatch SGD, written with plain tensor ops
 * and autograd only, the way one would write it in PyTorch without torch.nn or torch.optim.
 */
final class LogisticDemo {
    static final double LEARNING_RATE = 0.1;
    static final int BATCH = 32;
    static final double TEST_FRACTION = 0.2;

    record Result(double trainAccuracy, double testAccuracy, double finalLoss, long millis) {}

    private LogisticDemo() {}

    static Result run(PrintWriter out, int epochs, long seed) {
        long t0 = System.nanoTime();
        BreastCancer data = BreastCancer.load();
        int n = data.samples(), d = data.featureCount(), classes = data.classNames().length;

        // Seeded split: the same seed gives the same train/test sets, shuffles and initial weights.
        Nabla.manualSeed(seed);
        long[] perm = Nabla.randperm(n).toLongArray();
        int nTest = (int) Math.round(n * TEST_FRACTION), nTrain = n - nTest;
        Rows train = Rows.pick(data, perm, 0, nTrain), test = Rows.pick(data, perm, nTrain, n);
        Tensor xTrain = Nabla.tensor(train.x(), nTrain, d), xTest = Nabla.tensor(test.x(), nTest, d);

        // Standardize with the training set's statistics only, so nothing leaks from the test set.
        Tensor mean = xTrain.mean(0, true), std = xTrain.std(0, false, true).clampMin(1e-12);
        xTrain = xTrain.sub(mean).div(std);
        xTest = xTest.sub(mean).div(std);
        float[] xTrainStd = xTrain.toFloatArray();
        float[] yTrainOneHot = oneHot(train.y(), classes);

        Tensor w = Nabla.randn(d, classes).mul(0.01).requiresGrad(true);
        Tensor b = Nabla.zeros(classes).requiresGrad(true);

        out.printf("Logistic regression on Breast Cancer Wisconsin (%d samples, %d features, classes %s)%n",
                n, d, String.join("/", data.classNames()));
        out.printf("%d train / %d test, minibatch SGD: lr %.2f, batch %d, %d epochs%n", nTrain, nTest, LEARNING_RATE, BATCH, epochs);
        double epochLoss = Double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long[] order = Nabla.randperm(nTrain).toLongArray();
            double lossSum = 0;
            int batches = 0;
            for (int s = 0; s < nTrain; s += BATCH) {
                int e = Math.min(nTrain, s + BATCH);
                Tensor xb = Nabla.tensor(Rows.gather(xTrainStd, d, order, s, e), e - s, d);
                Tensor yb = Nabla.tensor(Rows.gather(yTrainOneHot, classes, order, s, e), e - s, classes);
                // Cross-entropy: minus the log-probability of the true class, averaged over the batch.
                Tensor loss = xb.matmul(w).add(b).logSoftmax(1).mul(yb).sum(1).mean().neg();
                w.zeroGrad();
                b.zeroGrad();
                loss.backward();
                try (var g = Nabla.noGrad()) {
                    w.sub_(w.grad().mul(LEARNING_RATE));
                    b.sub_(b.grad().mul(LEARNING_RATE));
                }
                lossSum += loss.item();
                batches++;
            }
            epochLoss = lossSum / batches;
            out.printf("epoch %3d/%d  loss %.4f%n", epoch, epochs, epochLoss);
        }
        double trainAcc = accuracy(xTrain, labels(train.y()), w, b);
        double testAcc = accuracy(xTest, labels(test.y()), w, b);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        out.printf("train accuracy %.4f%n", trainAcc);
        out.printf("test accuracy  %.4f  (%d samples)%n", testAcc, nTest);
        out.printf("total time     %d ms%n", millis);
        return new Result(trainAcc, testAcc, epochLoss, millis);
    }

    private static double accuracy(Tensor x, Tensor labels, Tensor w, Tensor b) {
        try (var g = Nabla.noGrad()) {
            return x.matmul(w).add(b).argmax(1, false).eq(labels).toFloat().mean().item();
        }
    }

    private static Tensor labels(int[] a) {
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i];
        return Nabla.tensor(r, r.length);
    }

    private static float[] oneHot(int[] labels, int classes) {
        float[] r = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) r[i * classes + labels[i]] = 1;
        return r;
    }
}
