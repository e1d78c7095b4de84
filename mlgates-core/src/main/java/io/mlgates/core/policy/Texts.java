package io.mlgates.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/** Renders values from a policy file in messages: on one line, control characters escaped, long text cut. */
final class Texts {
    private static final int MAX_SHOWN = 60;

    private Texts() {
    }

    /** The text with control characters escaped and anything past 60 characters cut. */
    static String clip(String text) {
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (count++ == MAX_SHOWN) {
                shown.append("...");
                break;
            }
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                            || c == 0x2028 || c == 0x2029) {
                        shown.append(String.format("\\u%04x", c));
                    } else {
                        shown.appendCodePoint(c);
                    }
                }
            }
        }
        return shown.toString();
    }

    /** A message from a library, on one line. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** 'text' for strings, the literal for other scalars. */
    static String literal(JsonNode value) {
        if (value.isTextual()) {
            return "'" + clip(value.asText()) + "'";
        }
        if (value.isContainerNode()) {
            return value.isObject() ? "a mapping" : "a list";
        }
        return clip(value.toString());
    }

    /** What a value is, for "got ...": "string 'high'", "number 2.5", "a list". */
    static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "string " + literal(value);
        }
        if (value.isNumber()) {
            return "number " + literal(value);
        }
        if (value.isBoolean()) {
            return "boolean " + value.asText();
        }
        if (value.isNull()) {
            return "an empty value (null)";
        }
        return literal(value);
    }

    /** 'a', 'b' or 'c'. */
    static String alternatives(List<String> quoted) {
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return quoted.subList(0, quoted.size() - 1).stream().collect(Collectors.joining(", "))
                + " or " + quoted.get(quoted.size() - 1);
    }
}
