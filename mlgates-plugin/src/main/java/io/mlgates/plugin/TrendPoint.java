package io.mlgates.plugin;

import io.mlgates.plugin.logic.TrendEntry;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One result of the job trend, in the remote API. */
@ExportedBean
public final class TrendPoint {
    private final TrendEntry entry;

    TrendPoint(TrendEntry entry) {
        this.entry = entry;
    }

    @Exported
    public int getBuild() {
        return entry.getBuild();
    }

    @Exported
    public String getId() {
        return entry.getId();
    }

    @Exported
    public String getStatus() {
        return entry.getStatus();
    }

    /** Metric name to value; null where it was undefined. */
    @Exported
    public Map<String, Double> getMetrics() {
        return entry.getMetrics();
    }
}
