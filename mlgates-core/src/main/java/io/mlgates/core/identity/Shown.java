package io.mlgates.core.identity;

/**
 * Text from a signature or an allowed-signers file as a message shows it: bounded, on one line, control and
 * format characters escaped, so that a hostile file can neither flood a log nor forge a line of it.
 */
final class Shown {
    private static final int MAX_SHOWN = 80;

    private Shown() {
    }

    static String clip(String text) {
        return clip(text, MAX_SHOWN);
    }

    static String clip(String text, int maxShown) {
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (count++ == maxShown) {
                return shown.append("...").toString();
            }
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        }
        return shown.toString();
    }
}
