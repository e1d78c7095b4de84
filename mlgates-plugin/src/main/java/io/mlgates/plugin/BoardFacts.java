package io.mlgates.plugin;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Job;
import io.mlgates.plugin.logic.board.BoardFactsSource;
import io.mlgates.plugin.logic.board.JobRef;
import io.mlgates.plugin.logic.board.ModelFactsSource;
import io.mlgates.plugin.logic.board.VisibleFacts;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import jenkins.model.Jenkins;
import jenkins.util.Timer;

/**
 * The board's facts in Jenkins: the one {@link BoardFactsSource}, over every job Jenkins holds (as the current user
 * sees them), the team registry of Manage Jenkins (read on Jenkins' timer threads, never a page's) and its caches.
 * The page asks it through {@link #get()}.
 */
@Extension
public final class BoardFacts implements ModelFactsSource {
    private final BoardFactsSource source = new BoardFactsSource(BoardFacts::jobs,
            () -> TeamRegistryConfiguration.get().registry(), command -> Timer.get().execute(command),
            Clock.systemUTC(), BoardFactsSource.Limits.defaults());

    /** The instance Jenkins created. */
    public static ModelFactsSource get() {
        return ExtensionList.lookupSingleton(BoardFacts.class);
    }

    private static List<JobRef> jobs() {
        List<JobRef> jobs = new ArrayList<>();
        for (Job<?, ?> job : Jenkins.get().allItems(Job.class)) {
            jobs.add(new JobRef(job.getFullName(), job.getUrl(), job.getBuildDir().toPath()));
        }
        return jobs;
    }

    @Override
    public VisibleFacts visible(Predicate<String> mayRead) throws IOException {
        return source.visible(mayRead);
    }

    @Override
    public boolean anyVisible(Predicate<String> mayRead) throws IOException {
        return source.anyVisible(mayRead);
    }
}
