package io.mlgates.core.schema;

import java.util.Locale;
import java.util.Optional;

/** What values an input column holds, as a schema file names it. */
public enum ColumnType {
    /** Finite numbers. */
    NUMERIC,
    /** Whole numbers (3 and 3.0 alike). */
    INTEGER,
    /** Values from a set: the declared categories, when the schema lists them. */
    CATEGORICAL,
    /** Free text: any value. */
    TEXT,
    /** Not said (a feature list of names only): any value, and no type to compare. */
    ANY;

    /** The name a schema file uses: {@code numeric}, {@code integer}, {@code categorical}, {@code text}. */
    public String shown() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type a schema file's name stands for; besides the names above, {@code nominal} (Weka's, as
     * {@code features.json} may say) and {@code string} are read as categorical and text.
     */
    public static Optional<ColumnType> named(String name) {
        return switch (name) {
            case "numeric" -> Optional.of(NUMERIC);
            case "integer" -> Optional.of(INTEGER);
            case "categorical", "nominal" -> Optional.of(CATEGORICAL);
            case "text", "string" -> Optional.of(TEXT);
            case "any" -> Optional.of(ANY);
            default -> Optional.empty();
        };
    }

    /** The names {@link #named} reads, for messages. */
    static final String NAMES = "numeric, integer, categorical (or nominal), text (or string), any";
}
