package dev.nabla.ml.selection;

import dev.nabla.Nabla;
import dev.nabla.Tensor;
import dev.nabla.data.Table;
import dev.nabla.ml.Classifier;
import dev.nabla.ml.Regressor;
import dev.nabla.ml.pipeline.Pipeline;
import java.util.Map;

/**
 * A pipeline that reads a Table, seen as an estimator of row numbers, so cross-validation and the
 * searches split a Table exactly as they split a matrix: X is the column of row numbers, and fit,
 * predict and score take those rows of the table before calling the pipeline. Its parameters are the
 * pipeline's, so grids name them as usual ("clf.c").
 */
final class TableRows implements Classifier, Regressor {
    private final Table table;
    private final Pipeline pipeline;

    TableRows(Table table, Pipeline pipeline) {
        this.table = table;
        this.pipeline = pipeline;
    }

    /** The row numbers 0..n-1 as the n x 1 matrix the splitters and the searches cut. */
    static Tensor rowNumbers(Table table) {
        double[] rows = new double[table.rowCount()];
        for (int i = 0; i < rows.length; i++) rows[i] = i;
        return Nabla.tensor(rows, rows.length, 1);
    }

    Pipeline pipeline() {
        return pipeline;
    }

    /** The rows of a row-number matrix made by {@link #rowNumbers} (or cut from one). */
    static int[] indices(Tensor rowNumbers) {
        double[] r = rowNumbers.toDoubleArray();
        int[] index = new int[r.length];
        for (int i = 0; i < r.length; i++) index[i] = (int) r[i];
        return index;
    }

    private Table rows(Tensor rowNumbers) {
        return table.rows(indices(rowNumbers));
    }

    @Override
    public TableRows fit(Tensor rowNumbers, Tensor y) {
        pipeline.fit(rows(rowNumbers), y);
        return this;
    }

    @Override
    public Tensor predict(Tensor rowNumbers) {
        return pipeline.predict(rows(rowNumbers));
    }

    @Override
    public Tensor predictProba(Tensor rowNumbers) {
        return pipeline.predictProba(rows(rowNumbers));
    }

    @Override
    public Tensor decisionFunction(Tensor rowNumbers) {
        return pipeline.decisionFunction(rows(rowNumbers));
    }

    @Override
    public Tensor classes() {
        return pipeline.classes();
    }

    @Override
    public double score(Tensor rowNumbers, Tensor y) {
        return pipeline.score(rows(rowNumbers), y);
    }

    @Override
    public Map<String, Object> getParams() {
        return pipeline.getParams();
    }

    @Override
    public TableRows setParams(Map<String, ?> changes) {
        return new TableRows(table, pipeline.setParams(changes));
    }

    @Override
    public TableRows clone() {
        return new TableRows(table, pipeline.clone());
    }

    @Override
    public boolean isFitted() {
        return pipeline.isFitted();
    }
}
