package io.mlgates.plugin.logic;

import java.util.Locale;

/** The style class of a status badge in the views: {@code mlgates-warn}, matching the plugin's stylesheet. */
public final class Badge {
    private Badge() {
    }

    public static String of(String status) {
        return "mlgates-" + status.toLowerCase(Locale.ROOT);
    }
}
