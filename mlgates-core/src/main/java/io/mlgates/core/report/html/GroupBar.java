package io.mlgates.core.report.html;

import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.MetricValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One group's bar in a {@link GroupBarChart}: its value with its interval, or the reason it has none (a slice too
 * small to judge, a rate that is 0/0), and the status its check gave it, if a check judged it.
 *
 * @param group the group's value as it appears in the data ({@code female}, {@code 60+})
 * @param value the group's metric; when undefined, its reason is shown instead of a bar
 * @param status what the check on this group concluded; empty when no check judged this value, so that a bar never
 *     reads PASS for a figure nobody compared with a limit
 */
public record GroupBar(String group, MetricValue value, Optional<Status> status) {
    public GroupBar {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(status, "status");
    }

    /** A bar a check judged. */
    public GroupBar(String group, MetricValue value, Status status) {
        this(group, value, Optional.of(status));
    }

    /** A bar shown for reading only: no check judged it. */
    public static GroupBar unjudged(String group, MetricValue value) {
        return new GroupBar(group, value, Optional.empty());
    }
}
