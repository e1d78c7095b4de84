package io.mlgates.core.report.html;

import io.mlgates.core.gate.Limit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One metric across the groups of one attribute: a bar per group with its interval, and the limit drawn across.
 * The validation gate's slices feed it, and the ethics gate's per-group rates (selection rates, today) feed the
 * same type, so that every per-group chart reads alike.
 *
 * @param attribute the column that defines the groups ({@code sex}, {@code age_band}, {@code sex&age_band})
 * @param metric the metric shown ({@code recall}, {@code selection_rate})
 * @param bars one per group, in the order to show
 * @param limit the limit every group is judged against, when there is one
 */
public record GroupBarChart(String attribute, String metric, List<GroupBar> bars, Optional<Limit> limit) {
    public GroupBarChart {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(metric, "metric");
        bars = List.copyOf(bars);
        Objects.requireNonNull(limit, "limit");
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("a group chart needs at least one group");
        }
    }
}
