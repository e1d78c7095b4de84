package io.mlgates.core.report.html;

import io.mlgates.core.report.Format;
import java.util.ArrayList;
import java.util.List;

/** A plot area with linear scales, and the axes, grid and tick labels around it. */
final class Plot {
    private final double left;
    private final double top;
    private final double width;
    private final double height;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    Plot(double left, double top, double width, double height, double xMin, double xMax, double yMin, double yMax) {
        if (!(xMax > xMin && yMax > yMin)) {
            throw new IllegalArgumentException("empty scale");
        }
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    double x(double v) {
        return left + (v - xMin) / (xMax - xMin) * width;
    }

    double y(double v) {
        return top + height - (v - yMin) / (yMax - yMin) * height;
    }

    double left() {
        return left;
    }

    double right() {
        return left + width;
    }

    double top() {
        return top;
    }

    double bottom() {
        return top + height;
    }

    /** "x,y x,y ..." for a polyline through the given data points. */
    String points(double[] xs, double[] ys) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(Svg.px(x(xs[i]))).append(',').append(Svg.px(y(ys[i])));
        }
        return b.toString();
    }

    /** Grid lines and labels at the ticks, the two axes, and the axis titles (y's above the plot). */
    List<Svg.Shape> axes(String xTitle, String yTitle, double[] xTicks, double[] yTicks) {
        List<Svg.Shape> shapes = new ArrayList<>();
        for (double t : xTicks) {
            shapes.add(Svg.Line.of(x(t), top, x(t), bottom(), "grid"));
            shapes.add(Svg.Label.of(x(t), bottom() + 14, Format.number(t), "middle", "tick"));
        }
        for (double t : yTicks) {
            shapes.add(Svg.Line.of(left, y(t), right(), y(t), "grid"));
            shapes.add(Svg.Label.of(left - 5, y(t) + 4, Format.number(t), "end", "tick"));
        }
        shapes.add(Svg.Line.of(left, bottom(), right(), bottom(), "axis"));
        shapes.add(Svg.Line.of(left, top, left, bottom(), "axis"));
        shapes.add(Svg.Label.of((left + right()) / 2, bottom() + 32, xTitle, "middle", "axis-title"));
        shapes.add(Svg.Label.of(left, top - 8, yTitle, "start", "axis-title"));
        return shapes;
    }

    /**
     * Round ticks (steps of 1, 2 or 5 times a power of ten) covering [min, max] with at most about {@code count}
     * intervals; the first and last tick are the scale's ends, so the data lies within.
     */
    static double[] niceTicks(double min, double max, int count) {
        double raw = (max - min) / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw <= magnitude ? 1 : raw <= 2 * magnitude ? 2 : raw <= 5 * magnitude ? 5 : 10);
        long first = (long) Math.floor(min / step + 1e-9);
        long last = (long) Math.ceil(max / step - 1e-9);
        double[] t = new double[(int) (last - first + 1)];
        for (int i = 0; i < t.length; i++) {
            t[i] = (first + i) * step;
        }
        return t;
    }

    /** Evenly spaced ticks from {@code min} to {@code max}. */
    static double[] ticks(double min, double max, int count) {
        double[] t = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            t[i] = min + (max - min) * i / count;
        }
        return t;
    }
}
