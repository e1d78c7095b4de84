package io.mlgates.core.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the evaluation data's values, row by row, against the declared columns it carries: nulls, values not of the
 * declared type, outside the range, outside the categories; counted, with the first offending lines in file order.
 *
 * <p>A mergeable accumulator for a read in ranges: each range fills its own, with lines counted from the range's
 * start; {@link #shift} makes them lines of the file once the lines before the range are known, and {@link #merge}
 * adds a later range's, so that the first lines kept are the file's first, not a range's. Not thread-safe: one per
 * range.
 */
public final class SchemaRows {
    /** Offending lines kept per column and rule. */
    public static final int FIRST_SHOWN = 5;
    /** Characters of an offending value kept. */
    static final int MAX_VALUE_CHARS = 60;

    /** The values of the current row, by the index of the column in the list this accumulator was made with. */
    public interface Row {
        /** Whether the value is absent, empty or white space. */
        boolean isNull(int column);

        /** The value as the file spells it; called only when not null. */
        String text(int column);
    }

    private final List<SchemaColumn> columns;
    private final List<Set<String>> categories = new ArrayList<>();
    private final long[] rows;
    private final Tally[] nulls;
    private final Tally[] type;
    private final Tally[] range;
    private final Tally[] category;

    /** @param columns the declared columns the data carries, in the order a {@link Row} gives their values */
    public SchemaRows(List<SchemaColumn> columns) {
        this.columns = List.copyOf(columns);
        int n = this.columns.size();
        rows = new long[n];
        nulls = tallies(n);
        type = tallies(n);
        range = tallies(n);
        category = tallies(n);
        for (SchemaColumn column : this.columns) {
            categories.add(column.categories().isEmpty() ? null : new HashSet<>(column.categories()));
        }
    }

    private static Tally[] tallies(int n) {
        Tally[] t = new Tally[n];
        for (int i = 0; i < n; i++) {
            t[i] = new Tally();
        }
        return t;
    }

    /** Checks one row, found at {@code line} (counted from the start of what this accumulator reads). */
    public void add(long line, Row row) {
        for (int i = 0; i < rows.length; i++) {
            rows[i]++;
            if (row.isNull(i)) {
                nulls[i].add(line, "");
                continue;
            }
            SchemaColumn column = columns.get(i);
            switch (column.type()) {
                case NUMERIC, INTEGER -> number(i, column, line, row.text(i));
                case CATEGORICAL -> {
                    Set<String> allowed = categories.get(i);
                    if (allowed != null) {
                        String value = row.text(i).strip();
                        if (!allowed.contains(value)) {
                            category[i].add(line, value);
                        }
                    }
                }
                default -> {
                    // text and any: every value is allowed
                }
            }
        }
    }

    private void number(int i, SchemaColumn column, long line, String text) {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            type[i].add(line, text);
            return;
        }
        if (!Double.isFinite(value) || column.type() == ColumnType.INTEGER && value != Math.rint(value)) {
            type[i].add(line, text);
        } else if (column.min().isPresent() && value < column.min().getAsDouble()
                || column.max().isPresent() && value > column.max().getAsDouble()) {
            range[i].add(line, text);
        }
    }

    /** Makes the lines counted from the range's start lines of the file: {@code lines} came before it. */
    public void shift(long lines) {
        for (int i = 0; i < rows.length; i++) {
            nulls[i].shift(lines);
            type[i].shift(lines);
            range[i].shift(lines);
            category[i].shift(lines);
        }
    }

    /** Adds what {@code later} found in the rows after this one's (both shifted to lines of the file). */
    public void merge(SchemaRows later) {
        if (!later.columns.equals(columns)) {
            throw new IllegalArgumentException("merges only the same columns");
        }
        for (int i = 0; i < rows.length; i++) {
            rows[i] += later.rows[i];
            nulls[i].merge(later.nulls[i]);
            type[i].merge(later.type[i]);
            range[i].merge(later.range[i]);
            category[i].merge(later.category[i]);
        }
    }

    /** What each column's values were, in the order of the columns given. */
    public List<ColumnRows> results() {
        List<ColumnRows> results = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            results.add(new ColumnRows(columns.get(i), rows[i], nulls[i].offences(), type[i].offences(),
                    range[i].offences(), category[i].offences()));
        }
        return results;
    }

    /** Count and first lines of one rule in one column. */
    private static final class Tally {
        private long count;
        private final List<Offences.Offence> first = new ArrayList<>(0);

        void add(long line, String value) {
            count++;
            if (first.size() < FIRST_SHOWN) {
                first.add(new Offences.Offence(line, clip(value)));
            }
        }

        void shift(long lines) {
            first.replaceAll(o -> new Offences.Offence(o.line() + lines, o.value()));
        }

        void merge(Tally later) {
            count += later.count;
            for (Offences.Offence o : later.first) {
                if (first.size() >= FIRST_SHOWN) {
                    break;
                }
                first.add(o);
            }
        }

        Offences offences() {
            return count == 0 ? Offences.NONE : new Offences(count, first);
        }
    }

    private static String clip(String value) {
        if (value.length() <= MAX_VALUE_CHARS) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(MAX_VALUE_CHARS - 4)) ? MAX_VALUE_CHARS - 4
                : MAX_VALUE_CHARS - 3;
        return value.substring(0, end) + "...";
    }
}
