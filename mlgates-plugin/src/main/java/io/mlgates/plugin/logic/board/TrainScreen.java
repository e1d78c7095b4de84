package io.mlgates.plugin.logic.board;

import io.mlgates.core.board.Board;
import io.mlgates.core.board.TrainView;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A release train's page as one viewer sees it.
 *
 * @param name the train's name, as the URL gave it
 * @param board the board of the models that ride it
 * @param train its view; empty when no model the viewer may see rides a train of that name
 * @param trains the trains the viewer may see, named when {@code train} is empty
 * @param unread what the source could not read, shown above the train
 */
public record TrainScreen(String name, Board board, Optional<TrainView> train, List<String> trains,
                          List<String> unread, Viewer viewer) {
    /** From {@code …/ml-gates/train/NAME/} up to the Jenkins root. */
    public static final String ROOT = "../../../";

    public TrainScreen {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(train, "train");
        trains = List.copyOf(trains);
        unread = List.copyOf(unread);
        Objects.requireNonNull(viewer, "viewer");
    }

    public String getName() {
        return name;
    }

    /** The renderer's fragment, escaped there: the view writes it as it is. */
    public String getPageHtml() {
        return BoardHtml.train(name, train, board.models(), trains, unread, viewer, ROOT);
    }
}
