package io.mlgates.core.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A release train: departures on a weekly schedule in one time zone, each open for a while, with a cut-off
 * before it and freeze periods when no train leaves. Trains are shared by name: the models whose policies name the
 * same train ride it together (the board shows them side by side).
 *
 * @param name the train's name ({@code promotion.train.name}; {@value #DEFAULT_NAME} by default)
 * @param zone the time zone the schedule and the freezes are written in
 * @param departures the weekly departures
 * @param window how long a departure stays open for promotions
 * @param cutoff how long before a departure the evidence and approvals must be complete
 * @param freezes periods without departures
 */
public record ReleaseTrain(String name, ZoneId zone, List<Departure> departures, Duration window, Duration cutoff,
                           List<Freeze> freezes) {
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    /** The train of a policy that names none: every such model rides the one company train of that name. */
    public static final String DEFAULT_NAME = "release";
    /** The form of {@code promotion.train.name}, as the policy schema states it: that of a stage's name. */
    public static final Pattern NAME = StagePolicy.NAME;

    public ReleaseTrain {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a train has a name");
        }
        Objects.requireNonNull(zone, "zone");
        departures = List.copyOf(departures);
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(cutoff, "cutoff");
        freezes = List.copyOf(freezes);
        if (departures.isEmpty()) {
            throw new IllegalArgumentException("a train has at least one departure");
        }
        if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("window must be positive and at most 7 days: " + window);
        }
        if (cutoff.isNegative()) {
            throw new IllegalArgumentException("cutoff must not be negative: " + cutoff);
        }
    }

    /** The train {@value #DEFAULT_NAME}, for a policy that does not name its train. */
    public ReleaseTrain(ZoneId zone, List<Departure> departures, Duration window, Duration cutoff,
                        List<Freeze> freezes) {
        this(DEFAULT_NAME, zone, departures, window, cutoff, freezes);
    }

    /**
     * One weekly departure.
     *
     * @param day the day of the week
     * @param time the local time of day in the train's zone
     */
    public record Departure(DayOfWeek day, LocalTime time) {
        public Departure {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(time, "time");
        }
    }

    /**
     * A period without departures, in the train's zone.
     *
     * @param from its first moment, inclusive
     * @param until its end, exclusive
     * @param reason why, as shown to whoever is refused
     */
    public record Freeze(LocalDateTime from, LocalDateTime until, String reason) {
        public Freeze {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(reason, "reason");
            if (!from.isBefore(until)) {
                throw new IllegalArgumentException("a freeze ends after it starts: " + from + " .. " + until);
            }
        }
    }
}
