package io.mlgates.plugin.logic.board;

import io.mlgates.core.board.Board;
import io.mlgates.core.board.BoardFilter;
import io.mlgates.core.board.TrainView;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the board's pages and API show a viewer: the facts of the models whose jobs the viewer may read (the source
 * applies the permission before anything is judged or counted), judged now, filtered by the request's parameters.
 */
public final class BoardDesk {
    /** Shown instead of the board when the source fails: the reason, which may name the controller's paths, is logged. */
    public static final String UNREADABLE = "The board's facts cannot be read; the controller's log says why.";
    private static final Logger LOGGER = Logger.getLogger(BoardDesk.class.getName());

    private final ModelFactsSource source;
    private final BoardJudge judge;
    private final Clock clock;

    public BoardDesk(ModelFactsSource source, BoardJudge judge, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.judge = Objects.requireNonNull(judge, "judge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The board page.
     *
     * @param mayRead whether the viewer may read the job of that full name
     * @param parameters the request's query parameters, each with its values
     */
    public BoardScreen board(Predicate<String> mayRead, Map<String, List<String>> parameters, Viewer viewer) {
        Optional<VisibleFacts> read = read(mayRead);
        if (read.isEmpty()) {
            return new BoardScreen(Optional.empty(), BoardQuery.parse(Map.of(), List.of()), List.of(UNREADABLE),
                    viewer);
        }
        VisibleFacts visible = read.get();
        BoardQuery query = BoardQuery.parse(parameters, visible.models());
        Optional<Board> board = query.problems().isEmpty()
                ? Optional.of(judge.judge(visible.models(), clock.instant(), query.filter())) : Optional.empty();
        return new BoardScreen(board, query, unread(visible), viewer);
    }

    /** A train's page: the board of the models that ride it, and its view. */
    public TrainScreen train(Predicate<String> mayRead, String name, Viewer viewer) {
        BoardFilter filter = new BoardFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(name));
        Optional<VisibleFacts> read = read(mayRead);
        if (read.isEmpty()) {
            return new TrainScreen(name, judge.judge(List.of(), clock.instant(), filter), Optional.empty(), List.of(),
                    List.of(UNREADABLE), viewer);
        }
        VisibleFacts visible = read.get();
        List<String> trains = BoardQuery.Choices.of(visible.models()).trains();
        Board board = judge.judge(visible.models(), clock.instant(), filter);
        Optional<TrainView> train = board.trains().stream().filter(t -> t.name().equals(name)).findFirst();
        return new TrainScreen(name, board, train, trains, unread(visible), viewer);
    }

    /** The viewer's facts; empty when the source fails, whose reason goes to the log, not to the page. */
    private Optional<VisibleFacts> read(Predicate<String> mayRead) {
        try {
            return Optional.of(source.visible(mayRead));
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot read the release-train board's facts", e);
            return Optional.empty();
        }
    }

    /** What could not be read, the registry first: shown above the board, which may be incomplete without it. */
    private static List<String> unread(VisibleFacts visible) {
        List<String> unread = new ArrayList<>();
        visible.registryProblem().ifPresent(unread::add);
        unread.addAll(visible.problems());
        return unread;
    }

    /** Whether the board belongs in the viewer's side panel: some job that uses the steps is readable. */
    public boolean anyVisible(Predicate<String> mayRead) throws IOException {
        return source.anyVisible(mayRead);
    }
}
