package io.mlgates.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** Small helpers for reading computed metric maps in tests. */
final class Metrics {
    private Metrics() {
    }

    static double value(Map<String, MetricValue> metrics, String name) {
        MetricValue metric = metrics.get(name);
        assertThat(metric).as("metric %s", name).isNotNull();
        assertThat(metric.isDefined()).as("%s is defined (reason: %s)", name, metric.undefinedReason()).isTrue();
        return metric.value().getAsDouble();
    }

    static String reason(Map<String, MetricValue> metrics, String name) {
        MetricValue metric = metrics.get(name);
        assertThat(metric).as("metric %s", name).isNotNull();
        assertThat(metric.isDefined()).as("%s is undefined, but is %s", name, metric.value()).isFalse();
        assertThat(metric.ci()).as("undefined %s carries no interval", name).isEmpty();
        return metric.undefinedReason().orElseThrow();
    }

    static Interval interval(Map<String, MetricValue> metrics, String name) {
        MetricValue metric = metrics.get(name);
        assertThat(metric).as("metric %s", name).isNotNull();
        assertThat(metric.ci()).as("interval of %s", name).isPresent();
        return metric.ci().orElseThrow();
    }

    /** Asserts two metric maps have the same names in the same order, the same definedness and values within tol. */
    static void assertSameMetrics(Map<String, MetricValue> actual, Map<String, MetricValue> expected, double tol) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String name : expected.keySet()) {
            MetricValue a = actual.get(name);
            MetricValue e = expected.get(name);
            assertThat(a.isDefined()).as("%s defined", name).isEqualTo(e.isDefined());
            if (e.isDefined()) {
                assertThat(a.value().getAsDouble()).as(name)
                        .isCloseTo(e.value().getAsDouble(), org.assertj.core.data.Offset.offset(tol));
            } else {
                assertThat(a.undefinedReason()).as(name).isEqualTo(e.undefinedReason());
            }
            assertThat(a.ci().isPresent()).as("%s has an interval", name).isEqualTo(e.ci().isPresent());
            if (e.ci().isPresent()) {
                Interval ai = a.ci().orElseThrow();
                Interval ei = e.ci().orElseThrow();
                assertThat(ai.low()).as("%s low", name).isCloseTo(ei.low(), org.assertj.core.data.Offset.offset(tol));
                assertThat(ai.high()).as("%s high", name).isCloseTo(ei.high(), org.assertj.core.data.Offset.offset(tol));
                assertThat(ai.method()).isEqualTo(ei.method());
            }
        }
    }
}
