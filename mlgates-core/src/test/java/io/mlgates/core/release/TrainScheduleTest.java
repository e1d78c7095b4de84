package io.mlgates.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrainScheduleTest {
    private final TrainSchedule schedule = new TrainSchedule(ReleaseFixtures.TRAIN);

    @Test
    @DisplayName("a departure is open from its time for its window, in the train's time zone")
    void openWindow() {
        ZonedDateTime departure = ZonedDateTime.parse("2026-12-01T14:00+01:00[Europe/Berlin]");
        assertThat(schedule.openDeparture(Instant.parse("2026-12-01T12:59:59Z"))).isEmpty();
        assertThat(schedule.openDeparture(Instant.parse("2026-12-01T13:00:00Z"))).contains(departure);
        assertThat(schedule.openDeparture(Instant.parse("2026-12-01T14:59:59Z"))).contains(departure);
        assertThat(schedule.openDeparture(Instant.parse("2026-12-01T15:00:00Z"))).isEmpty();
    }

    @Test
    @DisplayName("the wall-clock time holds across daylight saving time: 14:00 in Berlin is 12:00 UTC in summer")
    void daylightSavingTime() {
        assertThat(schedule.nextDeparture(Instant.parse("2027-06-01T00:00:00Z")))
                .contains(ZonedDateTime.parse("2027-06-01T14:00+02:00[Europe/Berlin]"));
        assertThat(schedule.openDeparture(Instant.parse("2027-06-01T12:30:00Z"))).isPresent();
    }

    @Test
    @DisplayName("the next departure skips those a freeze cancels")
    void nextSkipsFreezes() {
        assertThat(schedule.nextDeparture(Instant.parse("2026-12-02T00:00:00Z")))
                .contains(ZonedDateTime.parse("2026-12-15T14:00+01:00[Europe/Berlin]"));
        assertThat(schedule.freezeAt(Instant.parse("2026-12-09T22:59:59Z"))).isPresent();
        assertThat(schedule.freezeAt(Instant.parse("2026-12-09T23:00:00Z"))).as("until midnight in Berlin").isEmpty();
    }

    @Test
    @DisplayName("the cut-off lies its duration before the departure")
    void cutoff() {
        assertThat(schedule.cutoff(ZonedDateTime.parse("2026-12-01T14:00+01:00[Europe/Berlin]")))
                .isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));
    }
}
