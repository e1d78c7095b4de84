package io.mlgates.core.gate;

import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.FairnessPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sensitive columns and reference groups as a caller names them instead of the policy's ({@code --sensitive
 * sex,age_band,sex&age_band}, {@code --reference age_band=25-39}), read by the rules the policy's
 * {@code ethics.fairness} keys follow.
 */
public final class SensitiveColumns {
    private SensitiveColumns() {
    }

    /**
     * The comma-separated names; an entry joining columns with {@code &} asks for that intersection, whose columns
     * must be listed too (as under {@code intersections} in the policy). An empty name anywhere ({@code ,},
     * {@code sex,}, {@code sex&}, nothing at all) is bad input, since judging no column would drop every fairness
     * limit without a word.
     *
     * @param option how the caller named the option in messages ({@code --sensitive}, {@code sensitive})
     */
    public static List<String> parse(String text, String option) throws BadInputException {
        String shown = text.length() <= 60 ? text : text.substring(0, 57) + "...";
        List<String> entries = new ArrayList<>();
        for (String entry : text.split(",", -1)) {
            List<String> parts = new ArrayList<>();
            for (String part : entry.split(FairnessPolicy.JOIN, -1)) {
                if (part.isBlank()) {
                    throw new BadInputException(option, 0, 0, "a column name is empty in '" + shown
                            + "'; expected COL[,COL...], an intersection written COL&COL");
                }
                parts.add(part.strip());
            }
            entries.add(String.join(FairnessPolicy.JOIN, parts));
        }
        for (String entry : entries) {
            if (!entry.contains(FairnessPolicy.JOIN)) {
                continue;
            }
            for (String column : entry.split(FairnessPolicy.JOIN)) {
                if (!entries.contains(column)) {
                    throw new BadInputException(option, 0, 0, "the intersection '" + entry + "' joins '" + column
                            + "', which is not one of the sensitive columns; list it too, as in '" + column + ","
                            + entry + "'");
                }
            }
        }
        return entries;
    }

    /**
     * Reference groups, each {@code ATTRIBUTE=GROUP} ({@code age_band=25-39}; an intersection's is
     * {@code sex&age_band=male&25-39}), as the policy's {@code ethics.fairness.reference} maps them.
     */
    public static Map<String, String> references(List<String> entries, String option) throws BadInputException {
        Map<String, String> reference = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1 || entry.substring(0, eq).isBlank()) {
                throw new BadInputException(option, 0, 0, "'" + entry + "' is not ATTRIBUTE=GROUP; expected, for"
                        + " example, age_band=25-39");
            }
            String attribute = entry.substring(0, eq).strip();
            String group = entry.substring(eq + 1);
            String earlier = reference.put(attribute, group);
            if (earlier != null && !earlier.equals(group)) {
                throw new BadInputException(option, 0, 0, "two reference groups for '" + attribute + "': '" + earlier
                        + "' and '" + group + "'; expected one");
            }
        }
        return reference;
    }
}
