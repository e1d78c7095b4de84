package io.mlgates.plugin.logic.board;

import java.util.List;

/** The jobs the board may read from: in Jenkins, every job; those whose gates never ran have no index and are skipped. */
@FunctionalInterface
public interface JobCatalogue {
    List<JobRef> jobs();
}
