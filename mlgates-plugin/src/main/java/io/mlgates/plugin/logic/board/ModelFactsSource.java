package io.mlgates.plugin.logic.board;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * Where the board's facts come from in Jenkins: the jobs' own indexes and the team registry, never loaded builds.
 * Permission is applied here, before anything is judged or counted: a model whose job the viewer may not read is
 * neither returned nor counted.
 */
public interface ModelFactsSource {
    /**
     * The facts of every model whose gates ran in a job the viewer may read, and what could not be read (the
     * registry's part, a policy, an index), to show beside the board.
     *
     * @param mayRead whether the viewer may read the job of that full name
     */
    VisibleFacts visible(Predicate<String> mayRead) throws IOException;

    /** Whether at least one job that uses the steps is readable: then the board is in the viewer's side panel. */
    boolean anyVisible(Predicate<String> mayRead) throws IOException;
}
