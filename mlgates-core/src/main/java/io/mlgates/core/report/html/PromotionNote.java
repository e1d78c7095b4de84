package io.mlgates.core.report.html;

import java.util.Objects;

/**
 * What became of the candidate after its gates, as the report's verdict box states it: promoted, and where, or not,
 * and why. A report that was not told (the build page, {@code mlgates report} on a results folder) shows none and
 * says that it does not know, rather than guess.
 *
 * @param promoted whether the candidate reached a stage
 * @param text one sentence: "Promoted to staging as version 1 in .mlgates/registry.db", "Not promoted: ..."
 */
public record PromotionNote(boolean promoted, String text) {
    public PromotionNote {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a promotion note says what happened");
        }
    }

    public static PromotionNote promoted(String text) {
        return new PromotionNote(true, text);
    }

    public static PromotionNote notPromoted(String text) {
        return new PromotionNote(false, text);
    }
}
