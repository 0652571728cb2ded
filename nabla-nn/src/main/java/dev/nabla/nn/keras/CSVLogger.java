package dev.nabla.nn.keras;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes one CSV row per epoch: "epoch" (from 0, as Keras) and the epoch logs, columns in the order
 * of the first epoch's logs. By default the whole file is rewritten atomically after every epoch, so
 * it is always complete; with append, rows are added to an existing file (keeping its columns) and
 * the file is created with a header when missing or empty.
 */
public final class CSVLogger implements Callback {
    private final Path file;
    private final boolean append;
    private List<String> columns;
    private final List<String> lines = new ArrayList<>();

    public CSVLogger(Path file) {
        this(file, false);
    }

    public CSVLogger(Path file, boolean append) {
        this.file = file;
        this.append = append;
    }

    @Override
    public void onTrainBegin(Model model, TrainingPlan plan) {
        lines.clear();
        columns = null;
        if (!append) return;
        try {
            if (Files.exists(file) && Files.size(file) > 0) {
                String[] header;
                try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    header = reader.readLine().split(",", -1);
                }
                columns = List.of(header).subList(1, header.length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger: could not read the header of " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        List<String> newLines = new ArrayList<>();
        if (columns == null) {
            columns = List.copyOf(logs.keySet());
            newLines.add("epoch," + String.join(",", columns));
        }
        StringBuilder row = new StringBuilder(Integer.toString(epoch));
        for (String c : columns) {
            Double v = logs.get(c);
            row.append(',').append(v == null ? "" : v.toString());
        }
        newLines.add(row.toString());
        try {
            if (append) {
                Files.write(file, newLines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                lines.addAll(newLines);
                AtomicWrite.write(file, tmp -> Files.write(tmp, lines, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger: could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
