package dev.nabla.data;

import java.util.Set;

/**
 * How {@link Csv} reads a file: the delimiter, whether the first row names the columns, and which
 * cells count as missing (NaN in numeric columns, null in string columns). Immutable; the
 * {@code with...} methods return a changed copy.
 */
public record CsvOptions(char delimiter, boolean header, Set<String> missingValues) {
    /** pandas' most common missing markers; the empty cell is always among them by default. */
    public static final Set<String> DEFAULT_MISSING = Set.of("", "NA", "N/A", "NaN", "nan", "null", "NULL", "?");

    public CsvOptions {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r')
            throw new IllegalArgumentException("CsvOptions: delimiter " + (int) delimiter + " cannot be a quote or a line break");
        missingValues = Set.copyOf(missingValues);
    }

    /** Comma-separated, with a header row, {@link #DEFAULT_MISSING} as missing. */
    public static CsvOptions defaults() {
        return new CsvOptions(',', true, DEFAULT_MISSING);
    }

    public CsvOptions withDelimiter(char delimiter) {
        return new CsvOptions(delimiter, header, missingValues);
    }

    public CsvOptions withHeader(boolean header) {
        return new CsvOptions(delimiter, header, missingValues);
    }

    public CsvOptions withMissingValues(Set<String> missingValues) {
        return new CsvOptions(delimiter, header, missingValues);
    }
}
