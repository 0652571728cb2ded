package dev.nabla.data;

import dev.nabla.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV files (Apache Commons CSV does the parsing: quotes, escapes, line breaks in fields) into a
 * {@link Table} whose column types are inferred: integers, then decimals, else strings. Files ending
 * in ".gz" are decompressed.
 */
public final class Csv {
    // What counts as a number: plain decimal notation and the usual spellings of infinity, no hex or
    // Java suffixes ("1f", "2d") that Double.parseDouble would accept from a string column.
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(inf|Inf|Infinity|INF)");

    private Csv() {}

    public static Table read(Path file) throws IOException {
        return read(file, CsvOptions.defaults());
    }

    public static Table read(Path file, CsvOptions options) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
        try (Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            return read(reader, file.toString(), options);
        }
    }

    /** Reads from reader; source names it in error messages. */
    public static Table read(Reader reader, String source, CsvOptions options) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter()).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        List<String> names = null;
        List<List<String>> cells = new ArrayList<>();
        try (CSVParser parser = format.parse(reader)) {
            for (CSVRecord record : parser) {
                if (names == null) {
                    names = options.header() ? record.toList() : defaultNames(record.size());
                    checkUnique(names, source);
                    for (int j = 0; j < names.size(); j++) cells.add(new ArrayList<>());
                    if (options.header()) continue;
                }
                if (record.size() != names.size())
                    throw new IOException(source + ": line " + parser.getCurrentLineNumber() + " has " + record.size() + " fields, expected "
                            + names.size() + (options.header() ? " (as in the header)" : " (as in the first row)"));
                for (int j = 0; j < record.size(); j++) cells.get(j).add(record.get(j));
            }
        } catch (UncheckedIOException e) {
            throw new IOException(source + ": " + e.getCause().getMessage(), e.getCause());
        }
        if (names == null) return new Table(List.of());
        List<Column> columns = new ArrayList<>(names.size());
        for (int j = 0; j < names.size(); j++) columns.add(infer(names.get(j), cells.get(j), options));
        return new Table(columns);
    }

    /** All columns as a float64 tensor [rows, columns]; every column must be numeric. */
    public static Tensor readTensor(Path file, CsvOptions options) throws IOException {
        return read(file, options).toTensor();
    }

    private static List<String> defaultNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int j = 0; j < n; j++) names.add("c" + j);
        return names;
    }

    private static void checkUnique(List<String> names, String source) throws IOException {
        var seen = new HashSet<String>();
        for (String n : names) if (!seen.add(n)) throw new IOException(source + ": the header names column '" + n + "' twice");
    }

    private static Column infer(String name, List<String> raw, CsvOptions options) {
        int n = raw.size();
        boolean allIntegers = true, allNumbers = true, anyMissing = false;
        for (String s : raw) {
            if (options.missingValues().contains(s)) {
                anyMissing = true;
                continue;
            }
            allIntegers &= INTEGER.matcher(s).matches();
            allNumbers &= allIntegers || DECIMAL.matcher(s).matches();
        }
        if (allIntegers && !anyMissing && n > 0) {
            long[] v = new long[n];
            for (int i = 0; i < n; i++) v[i] = Long.parseLong(raw.get(i));
            return new Column.Longs(name, v);
        }
        if (allNumbers) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = options.missingValues().contains(raw.get(i)) ? Double.NaN : parseDouble(raw.get(i));
            return new Column.Doubles(name, v);
        }
        String[] v = new String[n];
        for (int i = 0; i < n; i++) v[i] = options.missingValues().contains(raw.get(i)) ? null : raw.get(i);
        return new Column.Strings(name, v);
    }

    private static double parseDouble(String s) {
        String t = s.replaceFirst("^([+-]?)(inf|Inf|INF)$", "$1Infinity");
        return Double.parseDouble(t);
    }
}
