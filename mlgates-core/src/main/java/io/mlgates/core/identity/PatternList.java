package io.mlgates.core.identity;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An OpenSSH pattern-list (ssh_config(5), PATTERNS): comma-separated patterns where {@code *} matches any run of
 * characters, {@code ?} exactly one, and a leading {@code !} negates. Matched as OpenSSH's
 * {@code match_pattern_list} does, case-sensitively and byte by byte on UTF-8: a negated pattern that matches
 * refuses the string whatever else matches, otherwise one positive match accepts it.
 *
 * @param text the list as written
 */
record PatternList(String text) {
    /** OpenSSH copies each pattern into a 1024-byte buffer and treats a longer one as matching nothing at all. */
    private static final int MAX_PATTERN_BYTES = 1023;

    PatternList {
        Objects.requireNonNull(text, "text");
    }

    /** The outcome: a positive match, a negated pattern that matched, or neither. */
    enum Match { ACCEPTED, NEGATED, NONE }

    Match match(String string) {
        byte[] s = string.getBytes(StandardCharsets.UTF_8);
        byte[] list = text.getBytes(StandardCharsets.UTF_8);
        boolean positive = false;
        int i = 0;
        while (i < list.length) {
            boolean negated = list[i] == '!';
            if (negated) {
                i++;
            }
            int start = i;
            while (i < list.length && list[i] != ',') {
                i++;
            }
            if (i - start >= MAX_PATTERN_BYTES) {
                return Match.NONE;
            }
            if (glob(s, list, start, i)) {
                if (negated) {
                    return Match.NEGATED;
                }
                positive = true;
            }
            if (i < list.length) {
                i++;
            }
        }
        return positive ? Match.ACCEPTED : Match.NONE;
    }

    /** Whether {@code pattern[from, to)} matches all of {@code s}; linear backtracking on the last star. */
    private static boolean glob(byte[] s, byte[] pattern, int from, int to) {
        int si = 0;
        int pi = from;
        int starAt = -1;
        int starS = 0;
        while (si < s.length) {
            if (pi < to && (pattern[pi] == '?' || (pattern[pi] != '*' && pattern[pi] == s[si]))) {
                si++;
                pi++;
            } else if (pi < to && pattern[pi] == '*') {
                starAt = pi++;
                starS = si;
            } else if (starAt >= 0) {
                pi = starAt + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < to && pattern[pi] == '*') {
            pi++;
        }
        return pi == to;
    }
}
