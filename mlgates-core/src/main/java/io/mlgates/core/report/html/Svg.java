package io.mlgates.core.report.html;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An inline SVG chart: the geometry is computed in Java, the markup and its escaping are the {@code svg} template's.
 * Coordinates are preformatted strings so that the document reads the same in every locale.
 *
 * @param width width in CSS pixels
 * @param height height in CSS pixels
 * @param title the chart's accessible name (its {@code <title>})
 * @param description what it shows, in words (its {@code <desc>}), for readers who cannot see it
 * @param shapes drawn in order
 */
record Svg(int width, int height, String title, String description, List<Shape> shapes) {
    Svg {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        shapes = List.copyOf(shapes);
    }

    /** One decimal: enough for a screen, and no exponent ever. */
    static String px(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Something drawn. Every {@code cls} names a class of the stylesheet: no inline style anywhere. */
    sealed interface Shape permits Line, Poly, Box, Mark, Label {
    }

    record Line(String x1, String y1, String x2, String y2, String cls) implements Shape {
        static Line of(double x1, double y1, double x2, double y2, String cls) {
            return new Line(px(x1), px(y1), px(x2), px(y2), cls);
        }
    }

    /** A polyline through {@code points} ("x,y x,y ..."). */
    record Poly(String points, String cls) implements Shape {
    }

    /** A rectangle with a tooltip. */
    record Box(String x, String y, String w, String h, String cls, String tip) implements Shape {
        static Box of(double x, double y, double w, double h, String cls, String tip) {
            return new Box(px(x), px(y), px(Math.max(0, w)), px(Math.max(0, h)), cls, tip);
        }
    }

    /** A marker: a path whose shape, not only its colour, tells what it marks; with a tooltip. */
    record Mark(String d, String cls, String tip) implements Shape {
    }

    /** Text; {@code tip} (empty for none) holds the full text when {@code text} was shortened. */
    record Label(String x, String y, String text, String anchor, String cls, String tip) implements Shape {
        static Label of(double x, double y, String text, String anchor, String cls) {
            return new Label(px(x), px(y), text, anchor, cls, "");
        }
    }
}
