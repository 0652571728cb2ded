package dev.nabla.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
    private final Table table = new Table(List.of(new Column.Doubles("x", new double[] {0.5, 1.5, 2.5}),
            new Column.Longs("k", new long[] {7, 8, 9}), new Column.Strings("s", new String[] {"a", null, "c"})));

    @Test
    void rowsPicksEveryColumnInTheGivenOrder() {
        Table picked = table.rows(new int[] {2, 0, 2});
        assertEquals(table.columnNames(), picked.columnNames());
        assertArrayEquals(new double[] {2.5, 0.5, 2.5}, picked.doubles("x"));
        assertArrayEquals(new long[] {9, 7, 9}, picked.longs("k"));
        assertArrayEquals(new String[] {"c", "a", "c"}, picked.strings("s"));
        assertEquals(0, table.rows(new int[0]).rowCount());
    }

    @Test
    void rowsOutOfRangeAreNamed() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> table.rows(new int[] {1, 3}));
        assertEquals("Table.rows: row 3 is out of range for 3 rows", e.getMessage());
    }
}
