package io.mlgates.plugin.logic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The job page's trend, from the trend index alone: one series per result id, each with its builds (newest first)
 * and a line per followed metric, as the points of an SVG polyline computed here, so the view writes numbers only.
 */
public final class TrendView {
    /** Size of a sparkline's drawing area, in SVG user units. */
    public static final int WIDTH = 160;
    public static final int HEIGHT = 32;
    private static final int PAD = 2;

    private final List<Series> series;

    private TrendView(List<Series> series) {
        this.series = series;
    }

    /** @param entries oldest first, as {@link TrendIndex#recent} returns them */
    public static TrendView of(List<TrendEntry> entries) {
        Map<String, List<TrendEntry>> byId = new LinkedHashMap<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            byId.computeIfAbsent(entries.get(i).getId(), k -> new ArrayList<>()).add(entries.get(i));
        }
        List<Series> series = new ArrayList<>();
        byId.forEach((id, newestFirst) -> series.add(new Series(id, newestFirst)));
        return new TrendView(series);
    }

    /** One series per result id, the one with the newest build first. */
    public List<Series> getSeries() {
        return Collections.unmodifiableList(series);
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    /** The builds of one result id. */
    public static final class Series {
        private final String id;
        private final List<TrendEntry> builds;
        private final List<String> metrics;

        Series(String id, List<TrendEntry> newestFirst) {
            this.id = id;
            this.builds = List.copyOf(newestFirst);
            Set<String> names = new LinkedHashSet<>();
            newestFirst.forEach(e -> names.addAll(e.getMetrics().keySet()));
            this.metrics = List.copyOf(names);
        }

        public String getId() {
            return id;
        }

        /** Newest first. */
        public List<TrendEntry> getBuilds() {
            return builds;
        }

        public List<String> getMetrics() {
            return metrics;
        }

        public TrendEntry getLatest() {
            return builds.get(0);
        }

        public List<Sparkline> getSparklines() {
            List<Sparkline> lines = new ArrayList<>();
            for (String metric : metrics) {
                lines.add(Sparkline.of(metric, builds));
            }
            return lines;
        }
    }

    /** A metric's values over the builds, oldest left, as polyline points; undefined values are left out. */
    public static final class Sparkline {
        private final String metric;
        private final String points;
        private final String latest;

        private Sparkline(String metric, String points, String latest) {
            this.metric = metric;
            this.points = points;
            this.latest = latest;
        }

        static Sparkline of(String metric, List<TrendEntry> newestFirst) {
            int n = newestFirst.size();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (TrendEntry e : newestFirst) {
                Double v = e.getMetrics().get(metric);
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            List<String> points = new ArrayList<>();
            for (int i = n - 1; i >= 0; i--) {
                Double v = newestFirst.get(i).getMetrics().get(metric);
                if (v == null) {
                    continue;
                }
                double x = n == 1 ? WIDTH / 2.0 : PAD + (WIDTH - 2.0 * PAD) * (n - 1 - i) / (n - 1);
                double y = max == min ? HEIGHT / 2.0 : PAD + (HEIGHT - 2.0 * PAD) * (max - v) / (max - min);
                points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            }
            return new Sparkline(metric, String.join(" ", points), newestFirst.get(0).display(metric));
        }

        public String getMetric() {
            return metric;
        }

        /** "x,y x,y ...": numbers only. */
        public String getPoints() {
            return points;
        }

        /** The newest build's value as shown in tables. */
        public String getLatest() {
            return latest;
        }
    }
}
