package io.mlgates.plugin.logic.board;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.board.RegistryFacts;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.plugin.logic.Bounds;
import io.mlgates.plugin.logic.TeamRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The team registry's part of the board: per model, its stages, versions and the approvals of its latest candidate,
 * kept while the registry's audit head stays where it was (every change to a registry appends to its chain, so an
 * unchanged head is an unchanged registry; a head is one cheap read).
 *
 * <p>Registry I/O never runs on the caller's thread, nor under a lock a caller takes: a caller joins the next
 * <em>round</em> (one runs at a time on the executor; callers that come while it runs share the one after it, which
 * starts after they asked and so sees what they did just before) and waits for it a bounded time. A registry that is
 * slow or fails costs that wait at most: the caller gets the facts as last read, with a problem that says so.
 */
final class RegistryReader {
    /** What a model's registry facts are read for: its latest candidate and the stages of its policy. */
    record Key(String model, String candidate, List<String> stages) {
        Key {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(candidate, "candidate");
            stages = List.copyOf(stages);
        }
    }

    /** Facts as read at a head. */
    private record Read(Optional<AuditHead> head, RegistryFacts facts, Instant readAt) {
    }

    /**
     * The registry's facts for the keys asked, and what went wrong.
     *
     * @param facts per key that has ever been read (stale when {@code problem} says so)
     * @param problem why the facts are missing or older than this answer, when they are
     * @param keyProblems per key whose model could not be read, why
     */
    record Answer(Map<Key, RegistryFacts> facts, Optional<String> problem, Map<Key, String> keyProblems) {
    }

    /** A round's outcome: the registry's own problem, and each model's. */
    private record Outcome(Optional<String> problem, Map<Key, String> keyProblems) {
    }

    private static final class Round {
        private final Set<Key> keys = new LinkedHashSet<>();
        private final CompletableFuture<Outcome> done = new CompletableFuture<>();
    }

    private final Supplier<TeamRegistry> registry;
    private final Executor executor;
    private final Duration wait;
    private final Clock clock;
    private final Cache<Key, Read> cache;
    /** Guards {@link #running} and {@link #next} only; no I/O happens under it. */
    private final Object rounds = new Object();
    private Round running;
    private Round next;

    /**
     * @param registry the registry as now configured, asked at each round (an administrator may change it)
     * @param executor where rounds run
     * @param wait how long a caller waits for a round
     * @param maxEntries how many models' facts are kept
     */
    RegistryReader(Supplier<TeamRegistry> registry, Executor executor, Duration wait, Clock clock, long maxEntries) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.wait = Objects.requireNonNull(wait, "wait");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = CacheBuilder.newBuilder().maximumSize(maxEntries).build();
    }

    /** How many models' facts are kept now. */
    long size() {
        cache.cleanUp();
        return cache.size();
    }

    Answer facts(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return new Answer(Map.of(), Optional.empty(), Map.of());
        }
        Round round = join(keys);
        Optional<String> problem;
        Map<Key, String> keyProblems = new HashMap<>();
        try {
            Outcome outcome = round.done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            problem = outcome.problem();
            keys.forEach(k -> Optional.ofNullable(outcome.keyProblems().get(k)).ifPresent(p -> keyProblems.put(k, p)));
        } catch (TimeoutException e) {
            problem = Optional.of("the team registry did not answer within " + seconds(wait));
        } catch (ExecutionException e) {
            problem = Optional.of("the team registry cannot be read: " + message(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = Optional.of("the wait for the team registry was interrupted");
        }
        Map<Key, RegistryFacts> facts = new LinkedHashMap<>();
        Instant oldest = null;
        for (Key k : keys) {
            Read read = cache.getIfPresent(k);
            if (read != null) {
                facts.put(k, read.facts());
                oldest = oldest == null || read.readAt().isBefore(oldest) ? read.readAt() : oldest;
            }
        }
        if (problem.isPresent()) {
            problem = Optional.of(problem.get() + (facts.isEmpty() ? "; its stages, versions and approvals are"
                    + " missing from the board" : "; its stages, versions and approvals are shown as read at "
                    + oldest + (facts.size() < keys.size() ? ", and missing for " + (keys.size() - facts.size())
                    + " models" : "")));
        }
        return new Answer(facts, problem, keyProblems);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String message(Throwable t) {
        return Bounds.text(String.valueOf(t.getMessage()), Bounds.MESSAGE);
    }

    /** The round that will read these keys: the one waiting to start, or a new one, started if none runs. */
    private Round join(Collection<Key> keys) {
        Round round;
        Round toStart = null;
        synchronized (rounds) {
            if (next == null) {
                next = new Round();
            }
            round = next;
            round.keys.addAll(keys);
            if (running == null) {
                toStart = next;
                next = null;
                running = toStart;
            }
        }
        if (toStart != null) {
            launch(toStart);
        }
        return round;
    }

    private void launch(Round round) {
        List<Key> keys;
        synchronized (rounds) {
            keys = List.copyOf(round.keys);
        }
        try {
            executor.execute(() -> run(round, keys));
        } catch (RejectedExecutionException e) {
            round.done.completeExceptionally(e);
            finished();
        }
    }

    private void run(Round round, List<Key> keys) {
        try {
            round.done.complete(read(keys));
        } catch (RegistryException | RuntimeException e) {
            round.done.completeExceptionally(e);
        } finally {
            finished();
        }
    }

    /** The running round ended: the next one, if callers joined it meanwhile, starts. */
    private void finished() {
        Round after;
        synchronized (rounds) {
            after = next;
            next = null;
            running = after;
        }
        if (after != null) {
            launch(after);
        }
    }

    /**
     * One round: opens the registry, reads its head, and reads again the models whose facts were read at another
     * head. A failure to open it or read its head fails the round; a failure to read one model is that model's.
     */
    private Outcome read(List<Key> keys) throws RegistryException {
        TeamRegistry team = registry.get();
        Map<Key, String> keyProblems = new HashMap<>();
        if (team.oneChain()) {
            Optional<ModelRegistry> opened = team.openToRead(keys.get(0).model());
            if (opened.isEmpty()) {
                Instant now = clock.instant();
                keys.forEach(k -> cache.put(k, new Read(Optional.empty(), RegistryFacts.empty(), now)));
                return new Outcome(Optional.empty(), keyProblems);
            }
            try (ModelRegistry r = opened.get()) {
                Optional<AuditHead> head = r.head();
                for (Key k : keys) {
                    readKey(r, head, k, keyProblems);
                }
            }
        } else {
            for (Key k : keys) {
                Optional<ModelRegistry> opened = team.openToRead(k.model());
                if (opened.isEmpty()) {
                    cache.put(k, new Read(Optional.empty(), RegistryFacts.empty(), clock.instant()));
                    continue;
                }
                try (ModelRegistry r = opened.get()) {
                    readKey(r, r.head(), k, keyProblems);
                }
            }
        }
        return new Outcome(Optional.empty(), keyProblems);
    }

    private void readKey(ModelRegistry r, Optional<AuditHead> head, Key k, Map<Key, String> keyProblems) {
        Read cached = cache.getIfPresent(k);
        if (cached != null && cached.head().equals(head)) {
            return;
        }
        try {
            Map<String, List<Approval>> approvals = new LinkedHashMap<>();
            for (String stage : k.stages()) {
                List<Approval> decisions = r.approvals(k.model(), k.candidate(), stage);
                if (!decisions.isEmpty()) {
                    approvals.put(stage, decisions);
                }
            }
            cache.put(k, new Read(head, new RegistryFacts(r.stages(k.model()), r.versions(k.model()), approvals),
                    clock.instant()));
        } catch (RegistryException | RuntimeException e) {
            keyProblems.put(k, "the team registry's record of " + Bounds.text(k.model(), Bounds.NAME)
                    + " cannot be read: " + message(e));
        }
    }
}
