package io.mlgates.plugin.logic;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Result ids keep several gates, and several calls of one gate, apart in a build. An id names a URL segment and
 * files, so it is short and plain; ids are compared ignoring case, as file names are on some systems.
 */
public final class ResultIds {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private ResultIds() {
    }

    /** Null when the id is usable, else what is wrong with it. */
    public static String problem(String id) {
        if (VALID.matcher(id).matches()) {
            return null;
        }
        return "id '" + id + "' must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit";
    }

    /** The wanted id, or when an earlier call of this build took it, the first free {@code wanted-2}, {@code -3}... */
    public static String unique(String wanted, Collection<String> taken) {
        String id = wanted;
        for (int n = 2; isTaken(id, taken); n++) {
            id = wanted + "-" + n;
        }
        return id;
    }

    private static boolean isTaken(String id, Collection<String> taken) {
        return taken.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(id.toLowerCase(Locale.ROOT)));
    }
}
