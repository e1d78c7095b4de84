package io.mlgates.core.release;

import io.mlgates.core.policy.ReleaseTrain;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** When a release train departs: its weekly departures, each open for its window, none during a freeze. */
public final class TrainSchedule {
    /** How far ahead a next departure is looked for: past that, the freezes leave none. */
    private static final int HORIZON_DAYS = 800;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    private final ReleaseTrain train;

    public TrainSchedule(ReleaseTrain train) {
        this.train = Objects.requireNonNull(train, "train");
    }

    /** The departure whose window is open at {@code now}, if one is. */
    public Optional<ZonedDateTime> openDeparture(Instant now) {
        LocalDate today = now.atZone(train.zone()).toLocalDate();
        Optional<ZonedDateTime> open = Optional.empty();
        // the window is at most 7 days long, so a departure still open left at most 8 days ago
        for (LocalDate day = today.minusDays(8); !day.isAfter(today); day = day.plusDays(1)) {
            for (ReleaseTrain.Departure d : train.departures()) {
                if (d.day() == day.getDayOfWeek()) {
                    ZonedDateTime departs = ZonedDateTime.of(day, d.time(), train.zone());
                    Instant opens = departs.toInstant();
                    if (!opens.isAfter(now) && now.isBefore(opens.plus(train.window()))
                            && (open.isEmpty() || departs.isAfter(open.get()))) {
                        open = Optional.of(departs);
                    }
                }
            }
        }
        return open;
    }

    /** The freeze in force at {@code now}, if one is. */
    public Optional<ReleaseTrain.Freeze> freezeAt(Instant now) {
        return train.freezes().stream().filter(f -> frozen(f, now)).findFirst();
    }

    /** The first departure after {@code now} that no freeze cancels, if one comes within about two years. */
    public Optional<ZonedDateTime> nextDeparture(Instant now) {
        LocalDate today = now.atZone(train.zone()).toLocalDate();
        for (LocalDate day = today; day.isBefore(today.plusDays(HORIZON_DAYS)); day = day.plusDays(1)) {
            Optional<ZonedDateTime> first = Optional.empty();
            for (ReleaseTrain.Departure d : train.departures()) {
                if (d.day() == day.getDayOfWeek()) {
                    ZonedDateTime departs = ZonedDateTime.of(day, d.time(), train.zone());
                    if (departs.toInstant().isAfter(now) && freezeAt(departs.toInstant()).isEmpty()
                            && (first.isEmpty() || departs.isBefore(first.get()))) {
                        first = Optional.of(departs);
                    }
                }
            }
            if (first.isPresent()) {
                return first;
            }
        }
        return Optional.empty();
    }

    /** The moment by which a departure's approvals must be complete. */
    public Instant cutoff(ZonedDateTime departure) {
        return departure.toInstant().minus(train.cutoff());
    }

    /** A departure as the CLI shows it: {@code Tuesday 2026-12-01 14:00 Europe/Berlin}. */
    public String show(ZonedDateTime departure) {
        return SHOWN.format(departure) + " " + train.zone().getId();
    }

    /** A moment in the train's zone, as {@link #show} writes it. */
    public String show(Instant moment) {
        return show(moment.atZone(train.zone()));
    }

    private boolean frozen(ReleaseTrain.Freeze freeze, Instant now) {
        Instant from = freeze.from().atZone(train.zone()).toInstant();
        Instant until = freeze.until().atZone(train.zone()).toInstant();
        return !now.isBefore(from) && now.isBefore(until);
    }

    /** When the freeze ends, as the CLI shows it. */
    public String showEnd(ReleaseTrain.Freeze freeze) {
        return show(freeze.until().atZone(train.zone()));
    }
}
