package io.mlgates.core.board;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The release-train board: every model the viewer may see, judged at one moment, filtered.
 *
 * @param asOf the moment it was judged at
 * @param filter what it was filtered by
 * @param models the models the filter lets through, by name
 * @param trains each train of those models, by name
 * @param counts how many models the filter lets through, by status (every status present)
 */
public record Board(Instant asOf, BoardFilter filter, List<ModelRow> models, List<TrainView> trains,
                    Map<BoardStatus, Integer> counts) {
    public Board {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(filter, "filter");
        models = List.copyOf(models);
        trains = List.copyOf(trains);
        EnumMap<BoardStatus, Integer> copy = new EnumMap<>(BoardStatus.class);
        for (BoardStatus s : BoardStatus.values()) {
            copy.put(s, Objects.requireNonNull(counts.get(s), "count of " + s));
        }
        counts = Collections.unmodifiableMap(copy);
    }
}
