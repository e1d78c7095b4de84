package io.mlgates.core.docs;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A metric value that a model card states, as written: its decimals give the rounding it claims.
 *
 * @param name the metric's name ({@code type} in Hugging Face's model-index), for example {@code roc_auc}
 * @param value the value as written, with its scale
 */
public record DeclaredMetric(String name, BigDecimal value) {
    public DeclaredMetric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Half a unit in the last written decimal: 0.808 claims the value within 0.0005. */
    public double tolerance() {
        return 0.5 * Math.pow(10, -Math.max(0, value.scale()));
    }

    /** Whether a measured value rounds to what the card states, allowing for binary floating point. */
    public boolean matches(double measured) {
        return Math.abs(measured - value.doubleValue()) <= tolerance() * (1 + 1e-9);
    }
}
