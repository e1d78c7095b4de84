package io.mlgates.core.release;

import java.time.Duration;

/** Durations as a policy writes them: {@code 30m}, {@code 4h}, {@code 14d}. */
public final class Durations {
    private Durations() {
    }

    public static String show(Duration d) {
        if (d.toMinutes() % (24 * 60) == 0) {
            return d.toDays() + "d";
        }
        if (d.toMinutes() % 60 == 0) {
            return d.toHours() + "h";
        }
        return d.toMinutes() + "m";
    }
}
