package dev.nabla.nn.optim;

/** Range checks for hyper-parameters; messages name the optimizer, the option and the value. */
final class OptionChecks {
    private OptionChecks() {}

    static void atLeastZero(String optimizer, String option, double value) {
        if (!(value >= 0)) throw new IllegalArgumentException(optimizer + ": " + option + " must be >= 0, got " + value);
    }

    /** 0 <= value < 1, as decay rates and betas must be. */
    static void unitInterval(String optimizer, String option, double value) {
        if (!(value >= 0 && value < 1)) throw new IllegalArgumentException(optimizer + ": " + option + " must be in [0, 1), got " + value);
    }
}
