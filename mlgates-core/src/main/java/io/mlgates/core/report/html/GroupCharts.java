package io.mlgates.core.report.html;

import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Limit;
import io.mlgates.core.metrics.MetricSource;
import io.mlgates.core.metrics.MetricValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Per-group charts from what a result holds. Today that is the validation gate's slice checks ({@code column=value},
 * one check per group and limit), which covers the ethics gate's four-fifths checks on each group too.
 */
final class GroupCharts {
    private GroupCharts() {
    }

    /** One chart per (column, metric, limit) of the slice checks, groups in the order of the checks. */
    static List<GroupBarChart> fromSlices(GateResult r) {
        record Key(String column, String metric, Optional<Limit> limit) {
        }
        Map<Key, List<GroupBar>> charts = new LinkedHashMap<>();
        for (CheckResult c : r.checks()) {
            if (c.slice().isEmpty() || c.metric().isEmpty()) {
                continue;
            }
            String slice = c.slice().get();
            int eq = slice.indexOf('=');
            String column = eq < 0 ? slice : slice.substring(0, eq);
            String group = eq < 0 ? slice : slice.substring(eq + 1);
            String metric = c.metric().get();
            MetricValue value = c.observed().isPresent()
                    ? new MetricValue(metric, c.observed(), Optional.empty(), c.ci(), MetricSource.COMPUTED)
                    : new MetricValue(metric, OptionalDouble.empty(), Optional.of(c.message()), Optional.empty(),
                    MetricSource.COMPUTED);
            charts.computeIfAbsent(new Key(column, metric, c.limit()), k -> new ArrayList<>())
                    .add(new GroupBar(group, value, c.status()));
        }
        List<GroupBarChart> out = new ArrayList<>();
        // A skipped group has no limit on its check; it belongs with the chart of its column and metric.
        Map<Key, List<GroupBar>> withoutLimit = new LinkedHashMap<>();
        charts.forEach((k, bars) -> {
            if (k.limit().isEmpty()) {
                withoutLimit.put(k, bars);
            }
        });
        charts.forEach((k, bars) -> {
            if (k.limit().isEmpty()) {
                return;
            }
            List<GroupBar> all = new ArrayList<>(bars);
            List<GroupBar> orphans = withoutLimit.remove(new Key(k.column(), k.metric(), Optional.empty()));
            if (orphans != null) {
                all.addAll(orphans);
            }
            out.add(new GroupBarChart(k.column(), k.metric(), all, k.limit()));
        });
        withoutLimit.forEach((k, bars) -> out.add(new GroupBarChart(k.column(), k.metric(), bars, Optional.empty())));
        return out;
    }
}
