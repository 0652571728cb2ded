package dev.nabla.ml.compose;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A string column of a Table as category codes for the encoders: the sorted distinct strings seen in
 * fit give codes 0..k-1, so an encoder's categories come out in the order sklearn uses for strings.
 * A missing cell (null) becomes NaN. A string not seen in fit becomes -1, a code no encoder learned, when
 * the encoder tolerates unknowns; otherwise it is an error naming the column and the string.
 */
record StringCategories(String column, List<String> values) {
    StringCategories {
        values = List.copyOf(values);
    }

    static StringCategories learn(String column, String[] cells) {
        TreeSet<String> seen = new TreeSet<>();
        for (String s : cells) if (s != null) seen.add(s);
        return new StringCategories(column, List.copyOf(seen));
    }

    double[] codes(String[] cells, boolean unknownAllowed, String owner) {
        String[] sorted = values.toArray(String[]::new);
        double[] out = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) {
                out[i] = Double.NaN;
                continue;
            }
            int k = Arrays.binarySearch(sorted, cells[i]);
            if (k < 0 && !unknownAllowed)
                throw new IllegalArgumentException(owner + ": column '" + column + "' has the category '" + cells[i] + "' (row " + i
                        + "), not seen in fit " + values + "; set handleUnknown on its encoder to encode unknown categories");
            out[i] = k < 0 ? -1 : k;
        }
        return out;
    }
}
