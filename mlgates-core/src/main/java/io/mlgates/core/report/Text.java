package io.mlgates.core.report;

/** Makes strings from users' files safe for the terminal, for XML 1.0 and for HTML. */
public final class Text {
    private Text() {
    }

    /** Replaces characters that XML 1.0 cannot carry (most control characters, lone surrogates) with U+FFFD. */
    public static String xmlSafe(String s) {
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

    /**
     * Replaces what an HTML parser reports as an error in the input stream, and XML 1.0 cannot carry in inline SVG,
     * with U+FFFD: control characters other than tab and line breaks, DEL and the C1 controls, noncharacters and
     * lone surrogates. Markup is left to the template engine to escape; this only keeps the document well-formed.
     */
    public static String htmlSafe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean control = cp < 0x20 ? cp != '\t' && cp != '\n' && cp != '\r' : cp >= 0x7F && cp <= 0x9F;
            boolean nonCharacter = cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
            boolean loneSurrogate = Character.isSurrogate((char) cp) && cp <= 0xFFFF;
            b.appendCodePoint(control || nonCharacter || loneSurrogate ? 0xFFFD : cp);
        }
        return b.toString();
    }
}
