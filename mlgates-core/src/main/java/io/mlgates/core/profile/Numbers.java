package io.mlgates.core.profile;

/** Which written values are numbers: decimal notation only, so that {@code 0x1F} or {@code 1d} is text. */
final class Numbers {
    private Numbers() {
    }

    /**
     * The number {@code value} (stripped, not empty) spells: an optional sign, digits with an optional point (at least
     * one digit), an optional exponent; NaN when it is not such a number, or is one beyond double's range.
     */
    static double parse(String value) {
        int i = 0;
        int n = value.length();
        if (value.charAt(0) == '+' || value.charAt(0) == '-') {
            i++;
        }
        int digits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < n && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            i++;
            if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9'; i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return Double.NaN;
            }
        }
        if (i != n) {
            return Double.NaN;
        }
        double x = Double.parseDouble(value);
        return Double.isInfinite(x) ? Double.NaN : x;
    }
}
