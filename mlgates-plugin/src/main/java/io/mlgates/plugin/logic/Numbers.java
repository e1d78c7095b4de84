package io.mlgates.plugin.logic;

import java.util.Locale;

/** Metric values as the pages show them: at most four decimals, trailing zeros dropped, as the console table does. */
public final class Numbers {
    private Numbers() {
    }

    public static String format(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }
}
