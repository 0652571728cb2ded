package dev.nabla.ml.compose;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.data.Column;
import dev.nabla.data.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Table as the float64 matrix the transformers read, every column in the table's order. Columns no
 * transformer reads are filled with NaN instead of converted, so a table may carry string columns
 * (ids, free text) that the ColumnTransformer drops. A string column an encoder reads becomes its
 * category codes; any other string column that is read is an error.
 */
final class TableColumns {
    private TableColumns() {}

    static Tensor toTensor(Table table, Set<String> needed, Map<String, StringCategories> strings, Predicate<String> unknownAllowed, String owner) {
        List<String> names = table.columnNames();
        int n = table.rowCount(), k = names.size();
        double[] out = new double[n * k];
        for (int j = 0; j < k; j++) {
            String name = names.get(j);
            double[] col;
            if (!needed.contains(name)) {
                col = new double[n];
                Arrays.fill(col, Double.NaN);
            } else if (table.column(name) instanceof Column.Strings s) {
                if (!strings.containsKey(name))
                    throw new IllegalArgumentException(owner + ": column '" + name + "' holds strings; only a OneHotEncoder or OrdinalEncoder"
                            + " can read a string column (or leave it to a dropped remainder)");
                col = strings.get(name).codes(s.values(), unknownAllowed.test(name), owner);
            } else col = table.doubles(name);
            for (int i = 0; i < n; i++) out[i * k + j] = col[i];
        }
        return Nabla.tensor(out, n, k);
    }
}
