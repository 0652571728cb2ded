package dev.nabla.data;

import static org.junit.jupiter.api.Assertions.*;

import dev.nabla.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    private static Table parse(String text) throws IOException {
        return Csv.read(new StringReader(text), "inline.csv", CsvOptions.defaults());
    }

    @Test
    void infersLongDoubleAndStringColumns() throws IOException {
        Table t = parse("id,price,name\n1,2.5,apple\n2,-3e2,\"pear, green\"\n3,4,kiwi\n");
        assertEquals(List.of("id", "price", "name"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertInstanceOf(Column.Longs.class, t.column("id"));
        assertArrayEquals(new long[] {1, 2, 3}, t.longs("id"));
        assertArrayEquals(new double[] {2.5, -300, 4}, t.doubles("price"));
        assertArrayEquals(new String[] {"apple", "pear, green", "kiwi"}, t.strings("name"));
    }

    @Test
    void missingValuesAreNaNOrNullAndIntegerColumnsWithGapsBecomeDoubles() throws IOException {
        Table t = parse("a,b,c\n1,x,\nNA,,2.5\n3,y,?\n");
        assertInstanceOf(Column.Doubles.class, t.column("a"));
        double[] a = t.doubles("a");
        assertEquals(1, a[0]);
        assertTrue(Double.isNaN(a[1]));
        assertEquals(3, a[2]);
        assertArrayEquals(new String[] {"x", null, "y"}, t.strings("b"));
        double[] c = t.doubles("c");
        assertTrue(Double.isNaN(c[0]) && Double.isNaN(c[2]));
        assertEquals(2.5, c[1]);
        var e = assertThrows(IllegalArgumentException.class, () -> t.longs("a"));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void javaNumberSuffixesStayStrings() throws IOException {
        assertInstanceOf(Column.Strings.class, parse("v\n1f\n2d\n").column("v"));
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, 1}, parse("v\n-inf\n1.0\n").doubles("v"));
    }

    @Test
    void selectAndToTensor() throws IOException {
        Table t = parse("x,label,y\n1,a,0.5\n2,b,1.5\n");
        Tensor xy = t.select("y", "x").toTensor();
        assertArrayEquals(new int[] {2, 2}, xy.shape());
        assertArrayEquals(new double[] {0.5, 1, 1.5, 2}, xy.toDoubleArray());
        var e = assertThrows(IllegalArgumentException.class, t::toTensor);
        assertTrue(e.getMessage().contains("'label'"), e.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> t.select("z"));
        assertTrue(missing.getMessage().contains("'z'") && missing.getMessage().contains("[x, label, y]"), missing.getMessage());
    }

    @Test
    void raggedRowsNameTheFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "a,b\n1,2\n3\n");
        var e = assertThrows(IOException.class, () -> Csv.read(file));
        assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("line 3") && e.getMessage().contains("expected 2"), e.getMessage());
    }

    @Test
    void gzippedHeaderlessSemicolonFileToTensor(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("1;2\n3;4.5\n".getBytes(StandardCharsets.UTF_8));
        }
        CsvOptions options = CsvOptions.defaults().withHeader(false).withDelimiter(';');
        assertEquals(List.of("c0", "c1"), Csv.read(file, options).columnNames());
        assertArrayEquals(new double[] {1, 2, 3, 4.5}, Csv.readTensor(file, options).toDoubleArray());
    }

    @Test
    void customMissingMarkers() throws IOException {
        Table t = Csv.read(new StringReader("v\n-999\n5\n"), "inline.csv", CsvOptions.defaults().withMissingValues(java.util.Set.of("-999")));
        assertTrue(Double.isNaN(t.doubles("v")[0]));
    }
}
