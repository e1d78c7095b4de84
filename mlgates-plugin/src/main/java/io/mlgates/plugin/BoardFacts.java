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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.Timer;

/**
 * The board's facts in Jenkins: the one {@link BoardFactsSource}, over every job Jenkins holds (as the current user
 * sees them), the team registry of Manage Jenkins (read on Jenkins' timer threads, never a page's) and its caches.
 * The page asks it through {@link #get()}.
 */
@Extension
public final class BoardFacts implements ModelFactsSource {
    private static final Logger LOGGER = Logger.getLogger(BoardFacts.class.getName());
    private final BoardFactsSource source = new BoardFactsSource(BoardFacts::jobs,
            () -> TeamRegistryConfiguration.get().registry(), command -> Timer.get().execute(command),
            Clock.systemUTC(), BoardFactsSource.Limits.defaults());
    private final AtomicBoolean warmed = new AtomicBoolean();

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

    /**
     * Also, the first time it is asked (the side panel of the first page drawn after a start), fills the caches on
     * Jenkins' timer, as the system, so that the first board does not read every job's index and policy itself.
     */
    @Override
    public boolean anyVisible(Predicate<String> mayRead) throws IOException {
        if (warmed.compareAndSet(false, true)) {
            Timer.get().execute(() -> {
                try {
                    source.visible(name -> true);
                } catch (IOException | RuntimeException e) {
                    LOGGER.log(Level.FINE, "the board's caches were not filled ahead; the first board fills them", e);
                }
            });
        }
        return source.anyVisible(mayRead);
    }
}
