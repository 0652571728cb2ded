package dev.nabla.nn.keras;

import java.util.Map;

/** A watched entry of the epoch logs, shared by the callbacks that keep the best epoch. */
final class Monitor {
    private final String owner;
    private final String key;
    private final boolean higherIsBetter;
    private final double minDelta;

    Monitor(String owner, String key, MonitorMode mode, double minDelta) {
        if (!(minDelta >= 0)) throw new IllegalArgumentException(owner + ": minDelta must be >= 0, got " + minDelta);
        this.owner = owner;
        this.key = key;
        this.higherIsBetter = switch (mode) {
            case MIN -> false;
            case MAX -> true;
            case AUTO -> key.matches(".*(acc|auc|precision|recall|f1).*");
        };
        this.minDelta = minDelta;
    }

    /** The watched value; a missing key is a mistake (a typo, or no validation data), so it fails loudly. */
    double read(Map<String, Double> logs) {
        Double v = logs.get(key);
        if (v == null)
            throw new IllegalStateException(owner + ": monitor '" + key + "' is not in the epoch logs " + logs.keySet()
                    + (key.startsWith("val_") ? "; pass validation data to fit, or monitor one of these" : "; monitor one of these"));
        return v;
    }

    /** The starting "best", which any finite value beats. */
    double worst() {
        return higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** Whether current beats best by more than minDelta (Keras's rule); NaN never improves. */
    boolean improves(double current, double best) {
        return higherIsBetter ? current - minDelta > best : current + minDelta < best;
    }

    String key() {
        return key;
    }
}
