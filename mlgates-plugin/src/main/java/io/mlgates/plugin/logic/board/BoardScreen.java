package io.mlgates.plugin.logic.board;

import io.mlgates.core.board.Board;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The board page as one viewer sees it for one request.
 *
 * @param board the judged board; empty when the query was refused
 * @param query the query's filter, its problems and the values its filters accept
 * @param unread what the source could not read (the registry, a policy, an index), shown above the board
 */
public record BoardScreen(Optional<Board> board, BoardQuery query, List<String> unread, Viewer viewer) {
    /** From {@code …/ml-gates/} up to the Jenkins root. */
    public static final String ROOT = "../";

    public BoardScreen {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(query, "query");
        unread = List.copyOf(unread);
        Objects.requireNonNull(viewer, "viewer");
    }

    /** The renderer's fragment, escaped there: the view writes it as it is. */
    public String getPageHtml() {
        return BoardHtml.board(board, query, unread, viewer, ROOT);
    }
}
