package dev.nabla.nn.keras;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The epoch logs of one {@link Model#fit}, one list per key ("loss", "val_loss", "accuracy", ...),
 * one entry per epoch run. A key that appears only in some epochs reads NaN in the others.
 */
public final class History {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private int epochs;

    void append(Map<String, Double> logs) {
        for (var e : logs.entrySet()) {
            List<Double> column = values.computeIfAbsent(e.getKey(), k -> new ArrayList<>(Collections.nCopies(epochs, Double.NaN)));
            column.add(e.getValue());
        }
        epochs++;
        for (List<Double> column : values.values()) if (column.size() < epochs) column.add(Double.NaN);
    }

    /** The number of epochs run (fewer than asked when a callback stopped training). */
    public int epochs() {
        return epochs;
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** The value of key in each epoch. */
    public List<Double> get(String key) {
        List<Double> column = values.get(key);
        if (column == null) throw new IllegalArgumentException("History has no '" + key + "'; it has " + values.keySet());
        return Collections.unmodifiableList(column);
    }

    /** The value of key in the last epoch. */
    public double last(String key) {
        return get(key).getLast();
    }

    public Map<String, List<Double>> asMap() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Learning curves as a PNG: one panel per quantity (loss, each metric, and the learning rate when it
     * changed), training and validation curves together; 800 pixels wide, 300 high per panel. Written
     * atomically, so a reader never sees half an image.
     */
    public void plot(Path png) throws IOException {
        HistoryPlot.write(this, png, HistoryPlot.DEFAULT_WIDTH, HistoryPlot.DEFAULT_PANEL_HEIGHT * HistoryPlot.panels(this).size());
    }

    /** As {@link #plot(Path)}, at the given total size in pixels. */
    public void plot(Path png, int width, int height) throws IOException {
        HistoryPlot.write(this, png, width, height);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof History h && epochs == h.epochs && values.equals(h.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "History" + values;
    }
}
