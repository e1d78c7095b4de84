package io.mlgates.core.gate;

import java.util.Objects;

/**
 * The bound a check compared with, as it was applied: "at least 0.70, judged on the lower confidence bound".
 *
 * @param comparison at least or at most
 * @param value the effective threshold (for a baseline comparison: the baseline moved by the allowed margin)
 * @param judged which quantity was compared
 */
public record Limit(Comparison comparison, double value, Judged judged) {
    public Limit {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(judged, "judged");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("limit must be finite: " + value);
        }
    }

    /** At least ({@code >=}) or at most ({@code <=}). */
    public enum Comparison {
        AT_LEAST(">="),
        AT_MOST("<=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** The quantity compared with the limit. */
    public enum Judged {
        ESTIMATE,
        LOWER_BOUND,
        UPPER_BOUND,
        /** The whole interval: beyond the limit breaks it, straddling it warns. */
        INTERVAL
    }

    /**
     * Whether {@code observed} keeps this limit. Thresholds derived by arithmetic (a baseline minus a margin)
     * carry rounding error, so equality is taken within 1e-12 of the threshold's magnitude.
     */
    public boolean isKeptBy(double observed) {
        double tolerance = 1e-12 * Math.max(1.0, Math.abs(value));
        return comparison == Comparison.AT_LEAST ? observed >= value - tolerance : observed <= value + tolerance;
    }
}
