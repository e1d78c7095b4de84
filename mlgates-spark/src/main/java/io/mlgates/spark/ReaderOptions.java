package io.mlgates.spark;

import io.mlgates.core.policy.PredictionSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of Spark's reader for a table. For CSV, Spark's defaults are not RFC 4180 (a backslash escapes a
 * quote, a line break always ends a row, a malformed row becomes nulls), so the job reads a CSV table as
 * {@code mlgates} reads a prediction file (docs/policy.md): a header, the policy's delimiter, a doubled quote as a
 * quote, line breaks inside quoted fields, every value as text, a malformed row an error. An option the user gives
 * ({@code --option KEY=VALUE}) replaces the job's.
 */
final class ReaderOptions {
    private ReaderOptions() {
    }

    static Map<String, String> of(String format, Map<String, String> user, PredictionSource source) {
        Map<String, String> options = new LinkedHashMap<>();
        if (format.equalsIgnoreCase("csv")) {
            options.put("header", "true");
            options.put("sep", Character.toString(source.delimiter()));
            options.put("quote", "\"");
            options.put("escape", "\"");
            options.put("multiLine", "true");
            options.put("inferSchema", "false");
            options.put("mode", "FAILFAST");
        }
        // Spark's option keys are case-insensitive: the user's spelling replaces the job's
        user.forEach((key, value) -> {
            options.keySet().removeIf(k -> k.equalsIgnoreCase(key));
            options.put(key, value);
        });
        return options;
    }
}
