package io.mlgates.core.bom;

import io.mlgates.core.fairness.AttributeFairness;
import io.mlgates.core.fairness.FairnessResult;
import io.mlgates.core.fairness.GroupFairness;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.metrics.MetricValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure the gate results judged, overall and per slice or group, in the order a reader meets them: each
 * result's metrics, the validation gate's slices, the ethics gate's overall rates, each group's rates and metrics, and
 * the disparities over the groups judged. A figure two results both hold (both gates compute the overall metrics of one
 * prediction file) is listed once, from the first result that defines it: a slice the validation gate left unjudged
 * (fewer rows than its {@code minSize}) has the value the ethics gate computed for the same group, with its interval.
 */
final class Measurements {
    private Measurements() {
    }

    static List<Measurement> of(List<GateResult> results) {
        Map<String, Measurement> found = new LinkedHashMap<>();
        for (GateResult r : results) {
            for (MetricValue m : r.metrics().values()) {
                add(found, Measurement.of(m, Optional.empty(), r.gate()));
            }
            for (CheckResult c : r.checks()) {
                if (c.id().startsWith("slice:") && c.metric().isPresent() && c.slice().isPresent()) {
                    // a skipped slice (too few rows) has no value: its message says why
                    add(found, new Measurement(c.metric().get(), c.slice(), c.observed(),
                            c.observed().isPresent() ? c.ci() : Optional.empty(),
                            c.observed().isPresent() ? Optional.empty() : Optional.of(c.message()), r.gate()));
                }
            }
            if (r.fairness().isPresent()) {
                fairness(r.fairness().get(), r.gate(), found);
            }
        }
        return List.copyOf(found.values());
    }

    private static void fairness(FairnessResult fairness, String gate, Map<String, Measurement> found) {
        for (MetricValue rate : fairness.overall().rates().values()) {
            add(found, Measurement.of(rate, Optional.empty(), gate));
        }
        for (AttributeFairness a : fairness.attributes().values()) {
            for (Map.Entry<String, GroupFairness> g : a.groups().entrySet()) {
                Optional<String> slice = Optional.of(a.attribute() + "=" + g.getKey());
                for (MetricValue rate : g.getValue().rates().values()) {
                    add(found, Measurement.of(rate, slice, gate));
                }
                for (MetricValue metric : g.getValue().metrics().values()) {
                    add(found, Measurement.of(metric, slice, gate));
                }
            }
            // the disparities the checks judge: over the groups with enough rows
            Optional<String> across = Optional.of("across " + a.attribute() + ": "
                    + String.join(", ", a.judged().groups()));
            for (MetricValue disparity : a.judged().values().values()) {
                add(found, Measurement.of(disparity, across, gate));
            }
        }
    }

    /** The first figure of a metric and slice, unless it is undefined and a later result's is not. */
    private static void add(Map<String, Measurement> found, Measurement m) {
        found.merge(m.where(), m, (first, later) -> first.value().isEmpty() && later.value().isPresent()
                ? later : first);
    }
}
