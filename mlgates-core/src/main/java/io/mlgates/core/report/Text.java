package io.mlgates.core.report;

/** Makes strings from users' files safe for the terminal and for XML 1.0. */
public final class Text {
    private Text() {
    }

    /** Replaces characters that XML 1.0 cannot carry (most control characters, lone surrogates) with U+FFFD. */
    static String xmlSafe(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (b != null) {
                    b.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (!ok && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(ok ? c : '\uFFFD');
            }
        }
        return b == null ? s : b.toString();
    }

    /** Replaces control characters (which could drive the terminal) with '?'. */
    public static String terminalSafe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT ? '?' : cp));
        return b.toString();
    }
}
