package io.mlgates.plugin.logic.board;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.mlgates.core.board.GateResultRef;
import io.mlgates.core.board.LatestCandidate;
import io.mlgates.core.board.ModelFacts;
import io.mlgates.core.board.PendingDecision;
import io.mlgates.core.board.RegistryFacts;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.plugin.logic.TeamRegistry;
import io.mlgates.plugin.logic.TrendIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The board's facts in Jenkins, read from the jobs' own files and the team registry, never by loading a build:
 * each job's trend index ({@link TrendIndex}: a model's newest candidate and its gate results), the policy copies
 * that index names by digest ({@link PolicyCopies}), the job's waiting promotions ({@link WaitingPromotions}), and
 * the registry's stages, versions and approvals ({@link RegistryReader}).
 *
 * <p>Permission comes first: a job the viewer may not read is skipped before any of its files is looked at, so its
 * models are neither returned nor counted, and a model judged in a readable and a hidden job shows what the readable
 * one holds. A model judged in several readable jobs (branches of one repository) is shown from the job whose
 * newest result the controller kept last.
 *
 * <p>What is kept, bounded (Guava's cache, which Jenkins ships: bounded, safe for concurrent pages, and no lock
 * held across pages while one reads a file): each job's models while its index file keeps its identity (size,
 * modification time, file key), each policy by digest, and each model's registry facts while the registry's audit
 * head stays. The waiting records are listed at each call: a few small files, and none most of the time.
 */
public final class BoardFactsSource implements ModelFactsSource {
    /**
     * What the source keeps, and how long a page waits for the registry.
     *
     * @param jobs jobs whose models are kept
     * @param policies policies kept
     * @param registryEntries models whose registry facts are kept
     * @param registryWait how long a page waits for the registry before it shows the facts as last read
     */
    public record Limits(long jobs, long policies, long registryEntries, Duration registryWait) {
        public Limits {
            Objects.requireNonNull(registryWait, "registryWait");
            if (jobs < 1 || policies < 1 || registryEntries < 1 || registryWait.isNegative()) {
                throw new IllegalArgumentException("limits are positive: " + jobs + ", " + policies + ", "
                        + registryEntries + ", " + registryWait);
            }
        }

        /** Room for 5,000 jobs and models and 2,000 policies; a page waits 3 s for the registry. */
        public static Limits defaults() {
            return new Limits(5_000, 2_000, 5_000, Duration.ofSeconds(3));
        }
    }

    /** A job's models as read at its index's identity. */
    private record Indexed(FileIdentity identity, JobModels models) {
    }

    /** A model's newest candidate and the job it was judged in. */
    private record Placed(JobRef job, JobModels.Latest latest) {
        /** The one whose result the controller kept last; on a tie, the job whose name sorts first. */
        static Placed newer(Placed a, Placed b) {
            int c = a.latest().keptAt().compareTo(b.latest().keptAt());
            return c > 0 || c == 0 && a.job().fullName().compareTo(b.job().fullName()) <= 0 ? a : b;
        }
    }

    private final JobCatalogue catalogue;
    private final Cache<Path, Indexed> jobs;
    private final PolicyShelf policies;
    private final RegistryReader registry;

    /**
     * @param catalogue the jobs there are
     * @param registry the team registry as now configured
     * @param executor where the registry is read; never the caller's thread
     */
    public BoardFactsSource(JobCatalogue catalogue, Supplier<TeamRegistry> registry, Executor executor, Clock clock,
                            Limits limits) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.jobs = CacheBuilder.newBuilder().maximumSize(limits.jobs()).build();
        this.policies = new PolicyShelf(limits.policies());
        this.registry = new RegistryReader(registry, executor, limits.registryWait(), clock,
                limits.registryEntries());
    }

    /** How many jobs, policies and models' registry facts are kept now. */
    public record Kept(long jobs, long policies, long registryEntries) {
    }

    public Kept kept() {
        jobs.cleanUp();
        return new Kept(jobs.size(), policies.size(), registry.size());
    }

    @Override
    public boolean anyVisible(Predicate<String> mayRead) throws IOException {
        for (JobRef job : catalogue.jobs()) {
            if (mayRead.test(job.fullName()) && (jobs.getIfPresent(job.buildsFolder()) != null
                    || Files.isRegularFile(indexFile(job)))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public VisibleFacts visible(Predicate<String> mayRead) throws IOException {
        List<String> problems = new ArrayList<>();
        List<JobRef> withIndex = new ArrayList<>();
        Map<String, Placed> newest = new TreeMap<>();
        for (JobRef job : catalogue.jobs()) {
            if (!mayRead.test(job.fullName())) {
                continue; // before anything else: a hidden job's files are not even looked at
            }
            Optional<JobModels> models;
            try {
                models = models(job);
            } catch (IOException e) {
                problems.add("job '" + job.fullName() + "': its trend index cannot be read: " + e.getMessage());
                continue;
            }
            if (models.isEmpty()) {
                continue; // its gates never ran
            }
            withIndex.add(job);
            if (models.get().models().isEmpty()) {
                problems.add("job '" + job.fullName() + "': its trend index has " + models.get().linesWithoutModel()
                        + " lines written before the index named models; it shows on the board once a gate runs in"
                        + " it again");
            }
            models.get().models().forEach((model, latest) -> newest.merge(model, new Placed(job, latest),
                    Placed::newer));
        }

        Map<String, PolicyShelf.PolicyFacts> policyOf = new LinkedHashMap<>();
        newest.forEach((model, placed) -> {
            PolicyShelf.Shelved shelved = policies.policy(placed.job(), model, placed.latest());
            shelved.problem().ifPresent(problems::add);
            shelved.facts().ifPresent(f -> policyOf.put(model, f));
        });

        Map<String, List<PendingDecision>> pending = waiting(withIndex, newest, policyOf, problems);

        Map<String, RegistryReader.Key> keys = new LinkedHashMap<>();
        policyOf.forEach((model, policy) -> keys.put(model, new RegistryReader.Key(model,
                newest.get(model).latest().candidate(), policy.promotion().stages().stream().map(StagePolicy::name)
                .toList())));
        RegistryReader.Answer answer = registry.facts(keys.values());
        answer.keyProblems().values().stream().sorted().forEach(problems::add);

        List<ModelFacts> facts = new ArrayList<>();
        policyOf.forEach((model, policy) -> {
            Placed placed = newest.get(model);
            facts.add(new ModelFacts(model, policy.team(), Optional.of(placed.job().fullName()),
                    Optional.of(placed.job().url()), policy.promotion(), policy.trainName(), policy.waivers(),
                    answer.facts().getOrDefault(keys.get(model), RegistryFacts.empty()),
                    Optional.of(candidate(placed)), pending.getOrDefault(model, List.of())));
        });
        return new VisibleFacts(facts, answer.problem(), problems);
    }

    private static Path indexFile(JobRef job) {
        return job.buildsFolder().resolve(TrendIndex.FILE_NAME);
    }

    /** The job's models, read again only when its index changed; empty when it has no index. */
    private Optional<JobModels> models(JobRef job) throws IOException {
        TrendIndex index = TrendIndex.in(job.buildsFolder());
        Optional<FileIdentity> identity = FileIdentity.of(index.file());
        if (identity.isEmpty()) {
            jobs.invalidate(job.buildsFolder());
            return Optional.empty();
        }
        Indexed kept = jobs.getIfPresent(job.buildsFolder());
        if (kept != null && kept.identity().equals(identity.get())) {
            return Optional.of(kept.models());
        }
        // read after the identity was taken: a line appended meanwhile is read now and read again next time
        JobModels models = JobModels.of(index.entries());
        jobs.put(job.buildsFolder(), new Indexed(identity.get(), models));
        return Optional.of(models);
    }

    private static LatestCandidate candidate(Placed placed) {
        String job = placed.job().url();
        JobModels.Latest latest = placed.latest();
        List<GateResultRef> results = latest.results().stream().map(r -> new GateResultRef(r.gate(), r.id(),
                r.status(), Optional.of(r.keptAt()), Optional.of(job + r.build() + "/" + Links.RESULTS + "/"
                + r.id() + "/"))).toList();
        return new LatestCandidate(latest.candidate(), "build #" + latest.build(),
                Optional.of(job + latest.build() + "/"), results);
    }

    /**
     * The waiting promotions of each model's newest candidate, from every readable job that judged the model; a
     * record whose build was deleted is passed over.
     */
    private static Map<String, List<PendingDecision>> waiting(List<JobRef> jobs, Map<String, Placed> newest,
                                                              Map<String, PolicyShelf.PolicyFacts> shown,
                                                              List<String> problems) {
        Map<String, List<PendingDecision>> pending = new TreeMap<>();
        for (JobRef job : jobs) {
            List<String> unreadable = new ArrayList<>();
            List<WaitingPromotion> records;
            try {
                records = WaitingPromotions.in(job.buildsFolder()).read(unreadable);
            } catch (IOException e) {
                problems.add("job '" + job.fullName() + "': its waiting promotions cannot be listed: "
                        + e.getMessage());
                continue;
            }
            for (WaitingPromotion p : records) {
                Placed placed = newest.get(p.model());
                if (placed == null || !shown.containsKey(p.model())
                        || !placed.latest().candidate().equals(p.candidate())
                        || !Files.isDirectory(job.buildsFolder().resolve(Integer.toString(p.build())))) {
                    continue;
                }
                pending.computeIfAbsent(p.model(), m -> new ArrayList<>()).add(new PendingDecision(p.stage(),
                        (placed.job().equals(job) ? "" : job.fullName() + " ") + "build #" + p.build()
                        + ", promotion " + p.id(), job.url() + p.build() + "/" + Links.PROMOTIONS + "/" + p.id()
                        + "/", p.since()));
            }
            unreadable.forEach(file -> problems.add("job '" + job.fullName() + "': " + file + " is no record of a"
                    + " waiting promotion (cut short or edited); its promotion, if it waits, is not listed"));
        }
        pending.values().forEach(list -> list.sort(Comparator.comparing(PendingDecision::since)));
        return pending;
    }
}
