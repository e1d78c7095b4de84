package io.mlgates.core.report.html;

import io.mlgates.core.gate.Limit;
import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.CalibrationBin;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.OperatingPoint;
import io.mlgates.core.metrics.ScoreCurves;
import io.mlgates.core.report.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The charts, as {@link Svg}: scales, axes and marks computed here, drawn by the {@code svg} template. */
final class Charts {
    /** Group labels and values longer than this are shortened on the chart; the full text is in the tooltip. */
    static final int LABEL_CHARS = 22;
    private static final double[] UNIT_TICKS = Plot.ticks(0, 1, 5);

    private Charts() {
    }

    static Svg roc(ScoreCurves curves, Optional<MetricValue> auc) {
        Plot plot = new Plot(48, 28, 296, 220, 0, 1, 0, 1);
        List<Svg.Shape> s = new ArrayList<>(plot.axes("false positive rate", "true positive rate (recall)",
                UNIT_TICKS, UNIT_TICKS));
        s.add(Svg.Line.of(plot.x(0), plot.y(0), plot.x(1), plot.y(1), "ref"));
        List<OperatingPoint> points = curves.operatingPoints();
        double[] xs = new double[points.size() + 1];
        double[] ys = new double[points.size() + 1];
        for (int i = 0; i < points.size(); i++) {
            xs[i + 1] = points.get(i).falsePositiveRate();
            ys[i + 1] = points.get(i).truePositiveRate();
        }
        s.add(new Svg.Poly(plot.points(xs, ys), "curve"));
        String area = defined(auc).map(v -> "ROC AUC " + v).orElse("ROC AUC undefined");
        // Printed where a ROC curve never goes (under the diagonal, bottom right), so it never hides the curve.
        s.add(Svg.Label.of(plot.right() - 8, plot.bottom() - 10, stat("AUC", auc), "end", "stat"));
        return new Svg(360, 290, "ROC curve, " + area, "True positive rate against false positive rate at "
                + points.size() + " thresholds, from the highest score down; " + area
                + ". The dashed diagonal is a model that ranks at random.", s);
    }

    static Svg precisionRecall(ScoreCurves curves, Optional<MetricValue> averagePrecision) {
        Plot plot = new Plot(48, 28, 296, 220, 0, 1, 0, 1);
        List<Svg.Shape> s = new ArrayList<>(plot.axes("recall", "precision", UNIT_TICKS, UNIT_TICKS));
        List<OperatingPoint> points = curves.operatingPoints();
        double prevalence = points.get(points.size() - 1).precision();
        s.add(Svg.Line.of(plot.x(0), plot.y(prevalence), plot.x(1), plot.y(prevalence), "ref"));
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = points.get(i).truePositiveRate();
            ys[i] = points.get(i).precision();
        }
        s.add(new Svg.Poly(plot.points(xs, ys), "curve"));
        String ap = defined(averagePrecision).map(v -> "average precision " + v).orElse("average precision undefined");
        // Bottom left: low recall at low precision, which a precision-recall curve does not reach.
        s.add(Svg.Label.of(plot.left() + 8, plot.bottom() - 10, stat("AP", averagePrecision), "start", "stat"));
        return new Svg(360, 290, "Precision-recall curve, " + ap, "Precision against recall at " + points.size()
                + " thresholds; " + ap + ". The dashed line is the share of positives, " + Format.number(prevalence)
                + ": the precision of a model that ranks at random.", s);
    }

    static Svg calibration(ScoreCurves curves, Optional<MetricValue> ece) {
        Plot plot = new Plot(48, 28, 296, 220, 0, 1, 0, 1);
        List<Svg.Shape> s = new ArrayList<>(plot.axes("mean predicted probability", "observed rate of positives",
                UNIT_TICKS, UNIT_TICKS));
        s.add(Svg.Line.of(plot.x(0), plot.y(0), plot.x(1), plot.y(1), "ref"));
        long most = curves.calibration().stream().mapToLong(CalibrationBin::rows).max().orElse(0);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Svg.Shape> marks = new ArrayList<>();
        int empty = 0;
        for (CalibrationBin b : curves.calibration()) {
            String range = "[" + Format.number(b.low()) + ", " + Format.number(b.high()) + ")";
            if (b.meanScore().isEmpty()) { // no rows, or rows of weight 0
                empty++;
                continue;
            }
            double barHeight = 40.0 * b.rows() / most; // the share of rows, so sparse bins read as such
            s.add(Svg.Box.of(plot.x(b.low()) + 0.5, plot.bottom() - barHeight, plot.x(b.high()) - plot.x(b.low()) - 1,
                    barHeight, "hist", b.rows() + " rows scored in " + range));
            double x = b.meanScore().getAsDouble();
            double y = b.positiveRate().getAsDouble();
            xs.add(x);
            ys.add(y);
            marks.add(new Svg.Mark(StatusLook.path(Status.PASS, plot.x(x), plot.y(y), 3.5), "point",
                    range + ": " + b.rows() + " rows, mean score " + Format.number(x) + ", observed rate "
                            + Format.number(y)));
        }
        s.add(new Svg.Poly(plot.points(unbox(xs), unbox(ys)), "curve"));
        s.addAll(marks);
        String value = defined(ece).map(v -> "ECE " + v).orElse("ECE undefined");
        // Top left, above the diagonal, where only a badly under-confident bin would fall.
        s.add(Svg.Label.of(plot.left() + 8, plot.top() + 16, stat("ECE", ece), "start", "stat"));
        return new Svg(360, 290, "Calibration (reliability diagram), " + value, "Observed rate of positives against "
                + "the mean predicted probability in each of " + curves.calibration().size() + " equal-width score bins ("
                + empty + " empty, not drawn); bars at the bottom show how many rows each bin holds; " + value
                + ". The dashed diagonal is perfect calibration.", s);
    }

    /** A bar per group with its interval whiskers, the status's shape at the bar's end, and the limit across. */
    static Svg groups(GroupBarChart chart) {
        double min = 0;
        double max = 1;
        for (GroupBar bar : chart.bars()) {
            for (double v : span(bar.value())) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (chart.limit().isPresent()) {
            min = Math.min(min, chart.limit().get().value());
            max = Math.max(max, chart.limit().get().value());
        }
        double[] ticks = Plot.niceTicks(min, max, 5);
        min = ticks[0];
        max = ticks[ticks.length - 1];
        int rowHeight = 26;
        int top = 34;
        int n = chart.bars().size();
        Plot plot = new Plot(160, top, 300, n * rowHeight, min, max, 0, n);
        List<Svg.Shape> s = new ArrayList<>();
        for (double t : ticks) {
            s.add(Svg.Line.of(plot.x(t), plot.top(), plot.x(t), plot.bottom(), "grid"));
            s.add(Svg.Label.of(plot.x(t), plot.bottom() + 14, Format.number(t), "middle", "tick"));
        }
        s.add(Svg.Line.of(plot.x(Math.max(min, 0)), plot.top(), plot.x(Math.max(min, 0)), plot.bottom(), "axis"));
        s.add(Svg.Label.of(plot.x((min + max) / 2), plot.bottom() + 32, chart.metric(), "middle", "axis-title"));
        s.add(Svg.Label.of(8, top - 12, chart.attribute(), "start", "axis-title"));
        for (int i = 0; i < n; i++) {
            GroupBar bar = chart.bars().get(i);
            double cy = top + i * rowHeight + rowHeight / 2.0;
            String label = shorten(bar.group(), LABEL_CHARS);
            s.add(new Svg.Label(Svg.px(152), Svg.px(cy + 4), label, "end", "group",
                    label.equals(bar.group()) ? "" : bar.group()));
            // An unjudged bar (no check compared it with a limit) carries no status: no colour, no shape, no word.
            String cls = bar.status().map(StatusLook::cls).orElse("unjudged");
            String word = bar.status().map(st -> " " + st).orElse("");
            MetricValue m = bar.value();
            if (m.isDefined()) {
                double v = m.value().getAsDouble();
                double zero = plot.x(Math.max(min, 0));
                s.add(Svg.Box.of(Math.min(zero, plot.x(v)), cy - 6, Math.abs(plot.x(v) - zero), 12, "bar " + cls,
                        bar.group() + ": " + describe(m) + bar.status().map(st -> ", " + st).orElse("")));
                if (m.ci().isPresent()) {
                    Interval ci = m.ci().get();
                    s.add(Svg.Line.of(plot.x(ci.low()), cy, plot.x(ci.high()), cy, "whisker"));
                    s.add(Svg.Line.of(plot.x(ci.low()), cy - 5, plot.x(ci.low()), cy + 5, "whisker"));
                    s.add(Svg.Line.of(plot.x(ci.high()), cy - 5, plot.x(ci.high()), cy + 5, "whisker"));
                }
                bar.status().ifPresent(st -> s.add(new Svg.Mark(StatusLook.path(st, plot.x(v), cy, 5), "mark " + cls,
                        st.name())));
                s.add(Svg.Label.of(plot.right() + 10, cy + 4, Format.number(v) + word, "start", "value"));
            } else {
                if (bar.status().isPresent()) {
                    Status st = bar.status().get();
                    s.add(new Svg.Mark(StatusLook.path(st, plot.x(Math.max(min, 0)) + 8, cy, 5), "mark " + cls,
                            st.name()));
                }
                String reason = m.undefinedReason().orElseThrow();
                String shown = shorten(reason, 48);
                s.add(new Svg.Label(Svg.px(plot.x(Math.max(min, 0)) + 20), Svg.px(cy + 4),
                        bar.status().map(st -> st + ", ").orElse("") + "undefined: " + shown, "start",
                        "value undefined", shown.equals(reason) ? "" : reason));
            }
        }
        chart.limit().ifPresent(limit -> {
            double x = plot.x(limit.value());
            s.add(Svg.Line.of(x, plot.top() - 6, x, plot.bottom(), "limit"));
            s.add(Svg.Label.of(x, plot.top() - 10, "limit " + limitText(limit), "middle", "limit-label"));
        });
        StringBuilder desc = new StringBuilder(chart.metric() + " by " + chart.attribute() + ": ");
        for (int i = 0; i < n; i++) {
            GroupBar bar = chart.bars().get(i);
            desc.append(i == 0 ? "" : "; ").append(bar.group()).append(' ').append(describe(bar.value()))
                    .append(bar.status().map(st -> " " + st).orElse(""));
        }
        chart.limit().ifPresent(l -> desc.append(". Limit ").append(limitText(l)));
        return new Svg(620, top + n * rowHeight + 44, chart.metric() + " by " + chart.attribute(), desc + ".", s);
    }

    /** One value a run had for a metric: defined, or undefined with the reason in {@code tip}; {@code run} labels it. */
    record TrendPoint(String run, OptionalDouble value, String tip, Status gateStatus) {
    }

    /** A metric across builds, oldest first: a line through the defined values, gaps where it was undefined. */
    static Svg trend(String metric, List<TrendPoint> points, Optional<Limit> limit) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (TrendPoint p : points) {
            if (p.value().isPresent()) {
                min = Math.min(min, p.value().getAsDouble());
                max = Math.max(max, p.value().getAsDouble());
            }
        }
        if (limit.isPresent()) {
            min = Math.min(min, limit.get().value());
            max = Math.max(max, limit.get().value());
        }
        if (min > max) { // nothing defined: an empty unit scale, with every point marked undefined
            min = 0;
            max = 1;
        }
        if (max - min < 1e-9) { // one value throughout: a small band around it
            double pad = Math.max(Math.abs(max) * 0.05, 0.01);
            min -= pad;
            max += pad;
        }
        double[] yTicks = Plot.niceTicks(min, max, 4);
        min = yTicks[0];
        max = yTicks[yTicks.length - 1];
        int n = points.size();
        // A little room left and right, so the first and last marks clear the axis and their labels fit.
        Plot plot = new Plot(52, 26, 270, 120, -0.35, Math.max(n - 1, 0) + 0.35, min, max);
        List<Svg.Shape> s = new ArrayList<>();
        for (double t : yTicks) {
            s.add(Svg.Line.of(plot.left(), plot.y(t), plot.right(), plot.y(t), "grid"));
            s.add(Svg.Label.of(plot.left() - 5, plot.y(t) + 4, Format.number(t), "end", "tick"));
        }
        s.add(Svg.Line.of(plot.left(), plot.bottom(), plot.right(), plot.bottom(), "axis"));
        s.add(Svg.Line.of(plot.left(), plot.top(), plot.left(), plot.bottom(), "axis"));
        s.add(Svg.Label.of(plot.left(), plot.top() - 10, metric, "start", "axis-title"));
        limit.ifPresent(l -> {
            s.add(Svg.Line.of(plot.left(), plot.y(l.value()), plot.right(), plot.y(l.value()), "limit"));
            s.add(Svg.Label.of(plot.right(), plot.y(l.value()) - 4, "limit " + limitText(l), "end", "limit-label"));
        });
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Svg.Shape> marks = new ArrayList<>();
        int labelStep = Math.max(1, (int) Math.ceil(n / 12.0));
        for (int i = 0; i < n; i++) {
            TrendPoint p = points.get(i);
            // Every run's label while they fit (about 20 px each), else every step-th and the latest.
            if (i % labelStep == 0 || i == n - 1) {
                s.add(Svg.Label.of(plot.x(i), plot.bottom() + 14, p.run(), "middle", "tick"));
            }
            if (p.value().isPresent()) {
                xs.add((double) i);
                ys.add(p.value().getAsDouble());
                marks.add(new Svg.Mark(StatusLook.path(p.gateStatus(), plot.x(i), plot.y(p.value().getAsDouble()), 4),
                        "mark " + StatusLook.cls(p.gateStatus()), p.tip()));
            } else {
                flush(s, plot, xs, ys);
                marks.add(new Svg.Mark(StatusLook.path(Status.SKIPPED, plot.x(i), plot.bottom() - 6, 4),
                        "mark undefined", p.tip()));
            }
        }
        flush(s, plot, xs, ys);
        s.addAll(marks);
        StringBuilder desc = new StringBuilder(metric + " over " + n + " results, oldest first: ");
        for (int i = 0; i < n; i++) {
            desc.append(i == 0 ? "" : "; ").append(points.get(i).tip());
        }
        limit.ifPresent(l -> desc.append(". Limit ").append(limitText(l)));
        return new Svg(360, 190, metric + " across builds", desc + ".", s);
    }

    private static void flush(List<Svg.Shape> s, Plot plot, List<Double> xs, List<Double> ys) {
        if (xs.size() > 1) {
            s.add(new Svg.Poly(plot.points(unbox(xs), unbox(ys)), "curve"));
        }
        xs.clear();
        ys.clear();
    }

    static String limitText(Limit l) {
        String judged = switch (l.judged()) {
            case ESTIMATE -> "";
            case LOWER_BOUND -> " (lower bound)";
            case UPPER_BOUND -> " (upper bound)";
            case INTERVAL -> " (whole interval)";
        };
        return l.comparison().symbol() + " " + Format.number(l.value()) + judged;
    }

    /** "0.61 [0.45, 0.75] 95% wilson", or "undefined: reason". */
    static String describe(MetricValue m) {
        if (!m.isDefined()) {
            return "undefined: " + m.undefinedReason().orElseThrow();
        }
        return Format.number(m.value().getAsDouble()) + m.ci().map(ci -> " " + Format.interval(ci)).orElse("");
    }

    /** At most {@code max} code points, the last an ellipsis when anything was cut. */
    static String shorten(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    private static double[] span(MetricValue m) {
        if (!m.isDefined()) {
            return new double[0];
        }
        double v = m.value().getAsDouble();
        return m.ci().map(ci -> new double[] {v, ci.low(), ci.high()}).orElse(new double[] {v});
    }

    /** "AUC 0.8079 [0.7571, 0.8586]", or "AUC undefined". */
    private static String stat(String name, Optional<MetricValue> m) {
        return name + " " + m.filter(MetricValue::isDefined).map(Charts::describe).orElse("undefined");
    }

    private static Optional<String> defined(Optional<MetricValue> m) {
        return m.filter(MetricValue::isDefined).map(v -> Format.number(v.value().getAsDouble()));
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
