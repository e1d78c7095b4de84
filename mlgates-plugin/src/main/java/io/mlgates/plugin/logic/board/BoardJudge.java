package io.mlgates.plugin.logic.board;

import io.mlgates.core.board.Board;
import io.mlgates.core.board.BoardFilter;
import io.mlgates.core.board.ModelFacts;
import java.time.Instant;
import java.util.List;

/** How the page judges the facts it was given: the core's judgement, behind a seam so the page is tested alone. */
@FunctionalInterface
public interface BoardJudge {
    /** The board of exactly these models (the visible ones), judged at {@code now}, filtered. */
    Board judge(List<ModelFacts> facts, Instant now, BoardFilter filter);
}
