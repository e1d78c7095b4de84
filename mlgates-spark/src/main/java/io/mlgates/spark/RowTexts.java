package io.mlgates.spark;

import io.mlgates.core.data.TableRows;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * A partition's rows as the core reads a table's rows: each value as the text a CSV file would hold, so that the
 * core's reader judges them by the same rules as a file's. A number's text reads back as the very same double (a
 * float as its exact double value), so no metric depends on the conversion.
 */
final class RowTexts implements TableRows {
    private final List<String> columns;
    private final Iterator<Row> rows;
    private Row current;

    RowTexts(List<String> columns, Iterator<Row> rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            return false;
        }
        current = rows.next();
        return true;
    }

    @Override
    public String text(int index) {
        return text(current.get(index));
    }

    /** A value of one of the atomic types {@link TableColumns} admits, as text; null for null. */
    static String text(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        if (value instanceof Float f) {
            // the float's exact value, as Spark and MLlib widen it, not its shortest decimal
            return Double.toString(f.doubleValue());
        }
        if (value instanceof BigDecimal b) {
            return b.toString();
        }
        return value.toString();
    }
}
