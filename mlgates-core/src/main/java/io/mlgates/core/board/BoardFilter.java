package io.mlgates.core.board;

import java.util.Objects;
import java.util.Optional;

/**
 * Which models a board shows: each given criterion must hold. The same four are a page's query parameters
 * ({@code ?team=&stage=&status=&train=}), so a filtered board is a link one can share.
 *
 * @param team the owning team
 * @param stage the stage the latest candidate heads for
 * @param status where it stands
 * @param train the release train its next stage rides
 */
public record BoardFilter(Optional<String> team, Optional<String> stage, Optional<BoardStatus> status,
                          Optional<String> train) {
    public BoardFilter {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(train, "train");
    }

    public static BoardFilter all() {
        return new BoardFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
