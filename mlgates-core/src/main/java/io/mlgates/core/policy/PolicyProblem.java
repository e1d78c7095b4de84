package io.mlgates.core.policy;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a policy file, where it is and what was expected.
 *
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong and what was expected, on one line
 */
public record PolicyProblem(long line, long column, String message) {
    /** By position in the file: whole-file problems first, then by line and column. */
    public static final Comparator<PolicyProblem> BY_POSITION =
            Comparator.comparingLong(PolicyProblem::line).thenComparingLong(PolicyProblem::column);

    public PolicyProblem {
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative: " + line + ":" + column);
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("message must not be blank");
        }
    }

    /** The problem as {@code file:line:column: message}; line and column are left out when unknown. */
    public String describe(String file) {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        return where.append(": ").append(message).toString();
    }
}
