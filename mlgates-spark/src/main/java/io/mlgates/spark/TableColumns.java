package io.mlgates.spark;

import io.mlgates.core.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The columns of a table the policy maps, and only those, selected before the rows leave Spark's reader. */
final class TableColumns {
    private TableColumns() {
    }

    /**
     * The table narrowed to the wanted columns it has (each once): the reader of each partition asks for the others
     * and refuses, as it refuses a file, a needed column the table lacks.
     *
     * @throws BadInputException a wanted column holds values that are not single values (arrays, maps, structs,
     *     bytes)
     */
    static Dataset<Row> select(Dataset<Row> table, List<String> wanted, String input) throws BadInputException {
        StructType schema = table.schema();
        Set<String> names = new LinkedHashSet<>(Arrays.asList(schema.fieldNames()));
        List<Column> kept = new ArrayList<>();
        for (String name : new LinkedHashSet<>(wanted)) {
            if (!names.contains(name)) {
                continue;
            }
            StructField field = schema.apply(name);
            DataType type = field.dataType();
            if (type instanceof StructType || type instanceof ArrayType || type instanceof MapType
                    || type instanceof BinaryType) {
                throw new BadInputException(input, 0, 0, "column '" + name + "' holds " + type.simpleString()
                        + " values; expected a number or text in each row (a label, score, prediction, weight or"
                        + " group)");
            }
            kept.add(functions.col("`" + name.replace("`", "``") + "`"));
        }
        return table.select(kept.toArray(new Column[0]));
    }
}
