package io.mlgates.core.board;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One release train: its next departure and what boards it, what is blocked and why, what lapses before it.
 *
 * @param name the train's name
 * @param next its next departure, when one comes (a freeze may leave none); when the models that ride it disagree on
 *     the schedule, the earliest
 * @param boarding models whose candidate leaves with it
 * @param waiting models whose candidate waits for approvals that may still come before the cut-off
 * @param blocked models whose candidate cannot board it, each with its blockers on its row
 * @param lapsing waivers and approvals of its models that lapse before it departs, each with its model, by when
 *     it lapses
 * @param disagreement when the models that name this train write different schedules for it (zone, departures,
 *     window, cut-off, freezes), a sentence naming which model writes which; each model's promotion follows its own
 */
public record TrainView(String name, Optional<Departure> next, List<ModelRow> boarding, List<ModelRow> waiting,
                        List<ModelRow> blocked, List<Lapse> lapsing, Optional<String> disagreement) {
    public TrainView {
        Objects.requireNonNull(disagreement, "disagreement");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(next, "next");
        boarding = List.copyOf(boarding);
        waiting = List.copyOf(waiting);
        blocked = List.copyOf(blocked);
        lapsing = List.copyOf(lapsing);
    }

    /** A train whose models agree on its schedule. */
    public TrainView(String name, Optional<Departure> next, List<ModelRow> boarding, List<ModelRow> waiting,
                     List<ModelRow> blocked, List<Lapse> lapsing) {
        this(name, next, boarding, waiting, blocked, lapsing, Optional.empty());
    }

    /**
     * A waiver or approval of one model that lapses before the departure. The model is kept with it: two models may
     * lean on waivers that read alike.
     *
     * @param row the model it belongs to
     * @param expiry what lapses, and when
     */
    public record Lapse(ModelRow row, Expiry expiry) {
        public Lapse {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(expiry, "expiry");
        }
    }

    /** The models whose next stage rides this train: boarding, waiting and blocked, by name. */
    public List<ModelRow> riding() {
        return Stream.of(boarding, waiting, blocked).flatMap(List::stream)
                .sorted(Comparator.comparing(ModelRow::model)).toList();
    }
}
