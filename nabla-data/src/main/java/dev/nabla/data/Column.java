package dev.nabla.data;

/**
 * One typed column of a {@link Table}. Missing cells are NaN in {@link Doubles} and null in
 * {@link Strings}; an integer column with a missing cell is read as {@link Doubles} (as pandas does).
 * The arrays belong to the table: read them, do not change them.
 */
public sealed interface Column {
    String name();

    int size();

    record Doubles(String name, double[] values) implements Column {
        @Override public int size() { return values.length; }
    }

    record Longs(String name, long[] values) implements Column {
        @Override public int size() { return values.length; }
    }

    record Strings(String name, String[] values) implements Column {
        @Override public int size() { return values.length; }
    }
}
