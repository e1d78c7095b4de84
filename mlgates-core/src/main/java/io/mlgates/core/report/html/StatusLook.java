package io.mlgates.core.report.html;

import io.mlgates.core.gate.Status;
import java.util.Locale;

/**
 * How a status looks: its word, a CSS class for its colour, and a shape of its own, so that it reads without colour
 * (PASS a disc, WARN a triangle, FAIL a cross, ERROR a diamond, WAIVED a hollow square, SKIPPED a hollow circle).
 */
record StatusLook(String word, String cls, String icon) {
    static StatusLook of(Status s) {
        return new StatusLook(s.name(), cls(s), path(s, 7, 7, 5));
    }

    static String cls(Status s) {
        return "status-" + s.name().toLowerCase(Locale.ROOT);
    }

    /** The status's shape centred on (x, y), radius r, as SVG path data. */
    static String path(Status s, double x, double y, double r) {
        String cx = Svg.px(x);
        String cy = Svg.px(y);
        String left = Svg.px(x - r);
        String right = Svg.px(x + r);
        String up = Svg.px(y - r);
        String down = Svg.px(y + r);
        String d = Svg.px(2 * r);
        String rr = Svg.px(r);
        return switch (s) {
            case PASS, SKIPPED -> "M" + left + " " + cy + " a" + rr + " " + rr + " 0 1 0 " + d + " 0 a" + rr + " " + rr
                    + " 0 1 0 -" + d + " 0 Z";
            case WARN -> "M" + cx + " " + up + " L" + right + " " + down + " L" + left + " " + down + " Z";
            case FAIL -> "M" + left + " " + up + " L" + right + " " + down + " M" + right + " " + up + " L" + left + " "
                    + down;
            case ERROR -> "M" + cx + " " + up + " L" + right + " " + cy + " L" + cx + " " + down + " L" + left + " " + cy
                    + " Z";
            case WAIVED -> "M" + left + " " + up + " H" + right + " V" + down + " H" + left + " Z";
        };
    }
}
