package io.mlgates.core.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A model's declared input columns.
 *
 * @param file the file it was read from, as messages name it
 * @param digest {@code sha256:} digest of that file's bytes
 * @param origin a schema file, or derived from a feature list
 * @param columns the input columns, in the declared order, each name once
 */
public record InputSchema(String file, String digest, Origin origin, List<SchemaColumn> columns) {
    /** Where a schema comes from. */
    public enum Origin {
        /** A schema file ({@code model/schema.json}). */
        SCHEMA_FILE,
        /** A feature list ({@code model/features.json}): names, and types and categories where it says them. */
        FEATURE_LIST
    }

    public InputSchema {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(origin, "origin");
        columns = List.copyOf(columns);
        Set<String> names = new HashSet<>();
        for (SchemaColumn column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException(file + ": column " + column.name() + " is declared twice");
            }
        }
    }

    /** The column of that name, if declared. */
    public Optional<SchemaColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return columns.stream().map(SchemaColumn::name).toList();
    }
}
