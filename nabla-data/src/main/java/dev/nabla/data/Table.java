package dev.nabla.data;

import dev.nabla.DType;
import dev.nabla.Storage;
import dev.nabla.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small table of named, typed columns of equal length, e.g. a CSV file read by {@link Csv#read}. */
public final class Table {
    private final Map<String, Column> columns;
    private final int rowCount;

    public Table(List<Column> columns) {
        this.columns = new LinkedHashMap<>();
        int rows = columns.isEmpty() ? 0 : columns.getFirst().size();
        for (Column c : columns) {
            if (c.size() != rows)
                throw new IllegalArgumentException("Table: column '" + c.name() + "' has " + c.size() + " rows, column '"
                        + columns.getFirst().name() + "' has " + rows);
            if (this.columns.put(c.name(), c) != null) throw new IllegalArgumentException("Table: duplicate column name '" + c.name() + "'");
        }
        this.rowCount = rows;
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columns.size();
    }

    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) throw new IllegalArgumentException("Table: no column '" + name + "'; columns are " + columns.keySet());
        return c;
    }

    /** A numeric column as doubles (integer columns are widened). */
    public double[] doubles(String name) {
        return switch (column(name)) {
            case Column.Doubles d -> d.values().clone();
            case Column.Longs l -> Arrays.stream(l.values()).asDoubleStream().toArray();
            case Column.Strings s -> throw new IllegalArgumentException("Table: column '" + name + "' holds strings, not numbers");
        };
    }

    public long[] longs(String name) {
        if (column(name) instanceof Column.Longs l) return l.values().clone();
        throw new IllegalArgumentException("Table: column '" + name + "' is " + kind(column(name)) + ", not integers"
                + (column(name) instanceof Column.Doubles ? " (an integer column with missing cells is read as doubles)" : ""));
    }

    public String[] strings(String name) {
        if (column(name) instanceof Column.Strings s) return s.values().clone();
        throw new IllegalArgumentException("Table: column '" + name + "' is " + kind(column(name)) + ", not strings");
    }

    /** The named columns, in the order given. */
    public Table select(String... names) {
        List<Column> picked = new ArrayList<>(names.length);
        for (String n : names) picked.add(column(n));
        return new Table(picked);
    }

    /** These rows, in the order given (repeats allowed), every column kept. */
    public Table rows(int[] index) {
        for (int r : index)
            if (r < 0 || r >= rowCount()) throw new IndexOutOfBoundsException("Table.rows: row " + r + " is out of range for " + rowCount() + " rows");
        List<Column> picked = new ArrayList<>(columnCount());
        for (String n : columnNames()) {
            picked.add(switch (column(n)) {
                case Column.Doubles d -> new Column.Doubles(n, pick(d.values(), index));
                case Column.Longs l -> new Column.Longs(n, pick(l.values(), index));
                case Column.Strings s -> new Column.Strings(n, pick(s.values(), index));
            });
        }
        return new Table(picked);
    }

    private static double[] pick(double[] v, int[] index) {
        double[] out = new double[index.length];
        for (int i = 0; i < index.length; i++) out[i] = v[index[i]];
        return out;
    }

    private static long[] pick(long[] v, int[] index) {
        long[] out = new long[index.length];
        for (int i = 0; i < index.length; i++) out[i] = v[index[i]];
        return out;
    }

    private static String[] pick(String[] v, int[] index) {
        String[] out = new String[index.length];
        for (int i = 0; i < index.length; i++) out[i] = v[index[i]];
        return out;
    }

    /** The named numeric columns (all columns when none are named) as a float64 tensor [rows, columns]. */
    public Tensor toTensor(String... names) {
        return toTensor(DType.FLOAT64, names);
    }

    public Tensor toTensor(DType dtype, String... names) {
        List<String> picked = names.length == 0 ? columnNames() : List.of(names);
        int k = picked.size();
        Storage out = Storage.allocate(dtype, rowCount * k);
        for (int j = 0; j < k; j++) {
            switch (column(picked.get(j))) {
                case Column.Doubles d -> { for (int i = 0; i < rowCount; i++) out.setDouble(i * k + j, d.values()[i]); }
                case Column.Longs l -> { for (int i = 0; i < rowCount; i++) out.setLong(i * k + j, l.values()[i]); }
                case Column.Strings s -> throw new IllegalArgumentException("Table.toTensor: column '" + s.name() + "' holds strings; select numeric columns");
            }
        }
        return Tensor.of(out, rowCount, k);
    }

    private static String kind(Column c) {
        return switch (c) {
            case Column.Doubles d -> "doubles";
            case Column.Longs l -> "integers";
            case Column.Strings s -> "strings";
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Table(" + rowCount + " rows: ");
        columns.values().forEach(c -> sb.append(c.name()).append(' ').append(kind(c)).append(", "));
        sb.setLength(sb.length() - (columns.isEmpty() ? 0 : 2));
        return sb.append(')').toString();
    }
}
