package io.mlgates.plugin.logic;

import java.util.ArrayList;
import java.util.List;

/**
 * Length bounds on what the controller keeps of an agent's reply. An agent is outside Jenkins' trust boundary: every
 * string it sends is cut to a bound before it reaches build.xml, the build log or a page.
 */
public final class Bounds {
    /** A name: a model, a metric, a check id. */
    public static final int NAME = 200;
    /** A sentence: a check's message, the reason there is no verdict. */
    public static final int MESSAGE = 2_000;
    /** Result files the summary lists. */
    public static final int FILES = 20;

    private Bounds() {
    }

    /** {@code text} when it has at most {@code max} characters, else its start and how much was cut. */
    public static String text(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never half a character
        }
        return text.substring(0, end) + "… (" + (text.length() - end) + " more characters)";
    }

    /** At most {@code maxItems} items, each bounded to {@code maxChars}. */
    static List<String> texts(List<String> items, int maxItems, int maxChars) {
        List<String> kept = new ArrayList<>();
        for (String item : items.subList(0, Math.min(items.size(), maxItems))) {
            kept.add(text(item, maxChars));
        }
        return kept;
    }
}
