package io.mlgates.plugin;

import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.plugin.logic.Numbers;
import java.util.Locale;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** A metric as the result's page and the remote API show it. */
@ExportedBean
public final class MetricRow {
    private final MetricValue metric;

    MetricRow(MetricValue metric) {
        this.metric = metric;
    }

    @Exported
    public String getName() {
        return metric.name();
    }

    /** Null when undefined; {@link #getReason} says why. */
    @Exported
    public Double getValue() {
        return metric.isDefined() ? metric.value().getAsDouble() : null;
    }

    @Exported
    public Double getLow() {
        return metric.ci().map(Interval::low).orElse(null);
    }

    @Exported
    public Double getHigh() {
        return metric.ci().map(Interval::high).orElse(null);
    }

    @Exported
    public String getReason() {
        return metric.undefinedReason().orElse(null);
    }

    /** {@code computed} from the predictions or {@code reported} by the training job. */
    @Exported
    public String getSource() {
        return metric.source().name().toLowerCase(Locale.ROOT);
    }

    public String getValueText() {
        return metric.isDefined() ? Numbers.format(metric.value().getAsDouble()) : "undefined";
    }

    /** "[0.757, 0.859] 95 % DeLong", the reason it is undefined, or empty. */
    public String getDetail() {
        if (!metric.isDefined()) {
            return metric.undefinedReason().orElse("");
        }
        return metric.ci().map(MetricRow::interval).orElse("");
    }

    static String interval(Interval ci) {
        return "[" + Numbers.format(ci.low()) + ", " + Numbers.format(ci.high()) + "] "
                + Numbers.format(ci.level() * 100) + " % " + ci.method();
    }
}
