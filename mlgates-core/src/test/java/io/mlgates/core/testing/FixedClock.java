package io.mlgates.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The moment at which tests judge: fixed, so that no test depends on today's date. It lies before the bundled
 * example's waivers expire (2027-11-30); a test of their expiry sets its own later clock.
 */
public final class FixedClock {
    public static final Instant JUDGED_AT = Instant.parse("2026-11-26T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(JUDGED_AT, ZoneOffset.UTC);

    private FixedClock() {
    }
}
