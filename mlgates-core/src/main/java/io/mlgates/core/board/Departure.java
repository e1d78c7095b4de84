package io.mlgates.core.board;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A release train's next departure.
 *
 * @param train the train's name
 * @param departs when it leaves, in the train's zone
 * @param cutoff by when evidence and approvals must be complete to board it
 */
public record Departure(String train, ZonedDateTime departs, Instant cutoff) {
    public Departure {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(departs, "departs");
        Objects.requireNonNull(cutoff, "cutoff");
    }
}
