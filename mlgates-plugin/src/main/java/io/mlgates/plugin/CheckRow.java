package io.mlgates.plugin;

import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.Limit;
import io.mlgates.plugin.logic.Badge;
import io.mlgates.plugin.logic.Numbers;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** A check as the result's page and the remote API show it. */
@ExportedBean
public final class CheckRow {
    private final CheckResult check;

    CheckRow(CheckResult check) {
        this.check = check;
    }

    @Exported
    public String getId() {
        return check.id();
    }

    @Exported
    public String getStatus() {
        return check.status().name();
    }

    @Exported
    public String getMetric() {
        return check.metric().orElse(null);
    }

    @Exported
    public Double getObserved() {
        return check.observed().isPresent() ? check.observed().getAsDouble() : null;
    }

    @Exported
    public Double getBaseline() {
        return check.baseline().isPresent() ? check.baseline().getAsDouble() : null;
    }

    @Exported
    public String getSlice() {
        return check.slice().orElse(null);
    }

    @Exported
    public String getMessage() {
        return check.message();
    }

    /** "≥ 0.74 on the lower bound", or empty. */
    @Exported
    public String getLimit() {
        if (check.limit().isEmpty()) {
            return "";
        }
        Limit l = check.limit().get();
        String judged = switch (l.judged()) {
            case ESTIMATE -> "";
            case LOWER_BOUND -> " on the lower bound";
            case UPPER_BOUND -> " on the upper bound";
            case INTERVAL -> " on the whole interval";
        };
        return (l.comparison() == Limit.Comparison.AT_LEAST ? "≥ " : "≤ ") + Numbers.format(l.value()) + judged;
    }

    /** The observed value with its interval, as shown. */
    public String getObservedText() {
        if (check.observed().isEmpty()) {
            return "";
        }
        String value = Numbers.format(check.observed().getAsDouble());
        return check.ci().map(ci -> value + " " + MetricRow.interval(ci)).orElse(value);
    }

    public String getBaselineText() {
        return check.baseline().isPresent() ? Numbers.format(check.baseline().getAsDouble()) : "";
    }

    /** The status badge's style class: {@code mlgates-warn}... */
    public String getBadge() {
        return Badge.of(check.status().name());
    }
}
