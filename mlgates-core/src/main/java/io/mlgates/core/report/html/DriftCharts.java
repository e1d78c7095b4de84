package io.mlgates.core.report.html;

import io.mlgates.core.drift.ColumnDistribution;
import io.mlgates.core.drift.ColumnDrift;
import io.mlgates.core.report.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A judged column's reference and current distributions as two series of bars, one row per bin or category. Bars
 * are shares of each side's rows, so sides of different sizes compare fairly.
 */
final class DriftCharts {
    private static final int ROW = 20;
    private static final int TOP = 44;
    private static final int LEFT = 150;
    private static final int WIDTH = 260;

    private DriftCharts() {
    }

    /** The chart of one column's distribution, titled with the column, the method, the statistic and the verdict. */
    static Svg of(String column, ColumnDrift d, ColumnDistribution dist, String verdict) {
        List<String> labels = labels(dist);
        double[] ref = shares(dist.reference(), dist.other().map(ColumnDistribution.Other::reference));
        double[] cur = shares(dist.current(), dist.other().map(ColumnDistribution.Other::current));
        double max = 0;
        for (int i = 0; i < ref.length; i++) {
            max = Math.max(max, Math.max(ref[i], cur[i]));
        }
        double[] ticks = Plot.niceTicks(0, max > 0 ? max : 1, 4);
        int n = labels.size();
        Plot plot = new Plot(LEFT, TOP, WIDTH, n * ROW, 0, ticks[ticks.length - 1], 0, n);
        List<Svg.Shape> s = new ArrayList<>();
        for (double t : ticks) {
            s.add(Svg.Line.of(plot.x(t), plot.top(), plot.x(t), plot.bottom(), "grid"));
            s.add(Svg.Label.of(plot.x(t), plot.bottom() + 14, Format.number(t), "middle", "tick"));
        }
        s.add(Svg.Line.of(plot.left(), plot.top(), plot.left(), plot.bottom(), "axis"));
        s.add(Svg.Line.of(plot.left(), plot.bottom(), plot.right(), plot.bottom(), "axis"));
        s.add(Svg.Label.of((plot.left() + plot.right()) / 2, plot.bottom() + 32, "share of each side's rows", "middle",
                "axis-title"));
        String axis = dist.kind() == ColumnDistribution.Kind.BINS ? "bin of " : "category of ";
        String columnShown = Charts.shorten(column, Charts.LABEL_CHARS);
        s.add(new Svg.Label(Svg.px(8), Svg.px(TOP - 8), axis + columnShown, "start", "axis-title",
                columnShown.equals(column) ? "" : axis + column));
        // legend; besides its colour, each series keeps its place in a row: the reference above, the current below
        s.add(Svg.Box.of(8, 8, 12, 10, "dist-ref", "reference"));
        s.add(Svg.Label.of(24, 17, "reference (" + d.referenceRows() + " rows)", "start", "legend"));
        s.add(Svg.Box.of(200, 8, 12, 10, "dist-cur", "current"));
        s.add(Svg.Label.of(216, 17, "current (" + d.currentRows() + " rows)", "start", "legend"));
        StringBuilder desc = new StringBuilder("Share of rows per " + (dist.kind() == ColumnDistribution.Kind.BINS
                ? "bin" : "category") + " of " + column + ", reference against current: ");
        for (int i = 0; i < n; i++) {
            double cy = TOP + i * ROW;
            String label = Charts.shorten(labels.get(i), Charts.LABEL_CHARS);
            s.add(new Svg.Label(Svg.px(LEFT - 6), Svg.px(cy + ROW / 2.0 + 4), label, "end", "group",
                    label.equals(labels.get(i)) ? "" : labels.get(i)));
            String tip = labels.get(i) + ": reference " + percent(ref[i]) + ", current " + percent(cur[i]);
            s.add(Svg.Box.of(plot.left(), cy + 2, plot.x(ref[i]) - plot.left(), 7, "dist-ref", tip));
            s.add(Svg.Box.of(plot.left(), cy + 10, plot.x(cur[i]) - plot.left(), 7, "dist-cur", tip));
            desc.append(i == 0 ? "" : "; ").append(labels.get(i)).append(' ').append(percent(ref[i])).append(" / ")
                    .append(percent(cur[i]));
        }
        desc.append(". ").append(d.method().id()).append(' ').append(verdict).append('.');
        return new Svg(LEFT + WIDTH + 30, TOP + n * ROW + 44, column + ": reference and current distributions, "
                + d.method().id() + ", " + verdict, desc.toString(), s);
    }

    /** "[a, b)" per bin (the last closed), or the categories and "other (k categories)". */
    static List<String> labels(ColumnDistribution dist) {
        List<String> labels = new ArrayList<>();
        if (dist.kind() == ColumnDistribution.Kind.BINS) {
            List<Double> e = dist.edges();
            for (int i = 0; i + 1 < e.size(); i++) {
                labels.add("[" + Format.number(e.get(i)) + ", " + Format.number(e.get(i + 1))
                        + (i + 2 == e.size() ? "]" : ")"));
            }
        } else {
            labels.addAll(dist.values());
            dist.other().ifPresent(o -> labels.add("other (" + o.categories() + " categories)"));
        }
        return labels;
    }

    /** Each count over the side's total, then {@code other}'s share when there is an {@code other}. */
    static double[] shares(List<Double> counts, Optional<Double> other) {
        double total = other.orElse(0.0);
        for (double c : counts) {
            total += c;
        }
        double[] out = new double[counts.size() + (other.isPresent() ? 1 : 0)];
        for (int i = 0; i < counts.size(); i++) {
            out[i] = total > 0 ? counts.get(i) / total : 0;
        }
        if (other.isPresent()) {
            out[counts.size()] = total > 0 ? other.get() / total : 0;
        }
        return out;
    }

    private static String percent(double share) {
        return Format.number(100 * share) + "%";
    }
}
