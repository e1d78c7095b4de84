package io.mlgates.core.report;

import io.mlgates.core.metrics.Interval;
import java.util.Locale;

/** How numbers read in every human-facing format (the console table, the HTML report): one rule, one place. */
public final class Format {
    private Format() {
    }

    /** At most four decimals, trailing zeros dropped: {@code 0.8079}, {@code 0.5}, {@code 12}. */
    public static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        // trailing zeros cut by hand: a regular expression here was compiled for every number of a report
        int end = s.length();
        if (s.indexOf('.') >= 0) {
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
        }
        s = s.substring(0, end);
        return "-0".equals(s) ? "0" : s;
    }

    /** {@code [0.757, 0.858] 95% delong}. */
    public static String interval(Interval ci) {
        return "[" + number(ci.low()) + ", " + number(ci.high()) + "] " + level(ci) + " " + ci.method();
    }

    /** The interval's confidence level as a percentage: {@code 95%}. */
    public static String level(Interval ci) {
        return number(ci.level() * 100) + "%";
    }
}
