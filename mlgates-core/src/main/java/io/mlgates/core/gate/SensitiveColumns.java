package io.mlgates.core.gate;

import io.mlgates.core.BadInputException;
import java.util.ArrayList;
import java.util.List;

/** Sensitive columns as a caller names them instead of the policy's ({@code --sensitive sex,age_band}). */
public final class SensitiveColumns {
    private SensitiveColumns() {
    }

    /**
     * The comma-separated names; an empty name anywhere ({@code ,}, {@code sex,}, nothing at all) is bad input, since
     * judging no column would drop every fairness limit without a word.
     *
     * @param option how the caller named the option in messages ({@code --sensitive}, {@code sensitive})
     */
    public static List<String> parse(String text, String option) throws BadInputException {
        List<String> columns = new ArrayList<>();
        for (String column : text.split(",", -1)) {
            if (column.isBlank()) {
                String shown = text.length() <= 60 ? text : text.substring(0, 57) + "...";
                throw new BadInputException(option, 0, 0, "a column name is empty in '" + shown
                        + "'; expected COL[,COL...]");
            }
            columns.add(column.strip());
        }
        return columns;
    }
}
