package dev.nabla.ml.compose;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.data.Column;
import dev.nabla.data.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A Table as the float64 matrix the transformers read, every column in the table's order. Columns no
 * transformer reads are filled with NaN instead of converted, so a table may carry string columns
 * (ids, free text) that the ColumnTransformer drops; a string column it does read is an error.
 */
final class TableColumns {
    private TableColumns() {}

    static Tensor toTensor(Table table, Set<String> needed) {
        List<String> names = table.columnNames();
        int n = table.rowCount(), k = names.size();
        double[] out = new double[n * k];
        for (int j = 0; j < k; j++) {
            String name = names.get(j);
            double[] col;
            if (!needed.contains(name)) {
                col = new double[n];
                Arrays.fill(col, Double.NaN);
            } else if (table.column(name) instanceof Column.Strings) {
                throw new IllegalArgumentException("ColumnTransformer: column '" + name + "' holds strings; encode it as numeric category codes first"
                        + " (the encoders take numbers), or leave it to a dropped remainder");
            } else col = table.doubles(name);
            for (int i = 0; i < n; i++) out[i * k + j] = col[i];
        }
        return Nabla.tensor(out, n, k);
    }
}
