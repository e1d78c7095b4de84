package io.mlgates.plugin.logic.board;

import io.mlgates.core.board.BoardFilter;
import io.mlgates.core.board.Boards;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.Registration;
import io.mlgates.core.registry.StageMove;
import io.mlgates.core.registry.StageMoveRequest;
import io.mlgates.plugin.logic.TeamRegistry;
import io.mlgates.plugin.logic.TeamRegistrySetting;
import io.mlgates.plugin.logic.TrendIndex;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The board for many models, from generated job folders and a generated embedded registry, without Jenkins: time to
 * read its facts and judge them cold (new caches) and warm (every cache hit), after one change (a line appended, an
 * approval recorded), and the heap the caches hold. Run by {@code benchmarks/board.sh}; not a test.
 *
 * <p>Usage: {@code BoardBenchmark DIR MODELS BUILDS}: generates DIR once (MODELS jobs, one model each, BUILDS builds
 * in all, two results a build; a policy each; the registry with 4 versions a model, staging pointing to the newest
 * and one approval of each model's latest candidate; a waiting promotion in every tenth job), then measures.
 */
public final class BoardBenchmark {
    private static final int VERSIONS = 4;

    private BoardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int models = Integer.parseInt(args[1]);
        int builds = Integer.parseInt(args[2]);
        Path home = dir.resolve("home");
        Path jobsRoot = dir.resolve("jobs");
        if (!Files.isDirectory(jobsRoot)) {
            long start = System.nanoTime();
            generate(jobsRoot, home, models, builds);
            System.out.printf("generated %d jobs, %d builds, %d index lines, registry %d KiB in %.1f s%n", models,
                    builds, 2 * builds, Files.size(TeamRegistrySetting.embeddedFile(home)) / 1024,
                    (System.nanoTime() - start) / 1e9);
        }
        List<JobRef> jobs = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            jobs.add(job(jobsRoot, m));
        }
        TeamRegistry registry = TeamRegistrySetting.embedded().registry(home, Optional::empty, Clock.systemUTC());
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            measure(jobs, registry, executor, home);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void measure(List<JobRef> jobs, TeamRegistry registry, ExecutorService executor, Path home)
            throws Exception {
        BoardFactsSource.Limits limits = new BoardFactsSource.Limits(5_000, 2_000, 5_000,
                java.time.Duration.ofSeconds(60));
        long before = heapAfterGc();
        BoardFactsSource source = new BoardFactsSource(() -> jobs, () -> registry, executor, Clock.systemUTC(),
                limits);
        VisibleFacts facts = timed("cold, first in this JVM", () -> source.visible(name -> true));
        check(facts, jobs.size());
        for (int i = 1; i <= 5; i++) {
            check(timed("warm " + i, () -> source.visible(name -> true)), jobs.size());
        }
        // one job's index appended and the registry's head moved: one job and every model's registry part read again
        JobRef changed = jobs.get(jobs.size() / 2);
        String policy = Files.readString(changed.buildsFolder().resolve("policy.txt"));
        Jobs.line(changed, 1_000_000, "validate", "validate", "WARN", model(jobs.size() / 2), candidate(0, 99),
                policy, Instant.now().toString());
        try (ModelRegistry r = registry.open()) {
            r.decide(new Approval(model(1), candidate(1, VERSIONS), "production", "tomas", Approval.Decision.APPROVE,
                    "benchmark", Instant.now()));
        }
        check(timed("after a change (one index appended, the registry's head moved)",
                () -> source.visible(name -> true)), jobs.size());
        check(timed("warm again", () -> source.visible(name -> true)), jobs.size());
        for (int i = 1; i <= 3; i++) {
            BoardFactsSource fresh = new BoardFactsSource(() -> jobs, () -> registry, executor, Clock.systemUTC(),
                    limits);
            check(timed("cold " + i + ", new caches in a warm JVM", () -> fresh.visible(name -> true)), jobs.size());
        }
        long after = heapAfterGc();
        BoardFactsSource.Kept kept = source.kept();
        System.out.printf("heap held by one source's caches (%d jobs, %d policies, %d models' registry facts) and one"
                + " board's facts (%d models): %.1f MiB (%.1f MiB in use before, %.1f after)%n", kept.jobs(),
                kept.policies(), kept.registryEntries(), facts.models().size(), (after - before) / 1048576.0,
                before / 1048576.0, after / 1048576.0);
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private interface Board {
        VisibleFacts build() throws Exception;
    }

    /** Builds the facts and judges them as the page does ({@link Boards#judge}), timing both. */
    private static VisibleFacts timed(String what, Board board) throws Exception {
        long start = System.nanoTime();
        VisibleFacts facts = board.build();
        long read = System.nanoTime();
        io.mlgates.core.board.Board judged = Boards.judge(facts.models(), Instant.now(), BoardFilter.all());
        long end = System.nanoTime();
        System.out.printf("%-66s facts %8.1f ms, judged %6.1f ms, total %8.1f ms (%d rows)%n", what,
                (read - start) / 1e6, (end - read) / 1e6, (end - start) / 1e6, judged.models().size());
        return facts;
    }

    private static void check(VisibleFacts facts, int models) {
        if (facts.models().size() != models || !facts.problems().isEmpty() || facts.registryProblem().isPresent()
                || facts.models().stream().anyMatch(m -> m.registry().versions().size() != VERSIONS)) {
            throw new IllegalStateException("expected " + models + " models with their registry facts and no"
                    + " problem: " + facts.models().size() + " models, " + facts.problems() + ", "
                    + facts.registryProblem());
        }
    }

    private static JobRef job(Path root, int m) {
        String name = "team-" + (m % 20) + "/" + model(m);
        return new JobRef(name, "job/team-" + (m % 20) + "/job/" + model(m) + "/",
                root.resolve("team-" + (m % 20)).resolve(model(m)).resolve("builds"));
    }

    private static String model(int m) {
        return String.format("model-%04d", m);
    }

    /** The candidate of a model's n-th version: a digest of its own. */
    private static String candidate(int m, int version) {
        return PolicyLoader.digest((model(m) + "#" + version).getBytes(StandardCharsets.UTF_8));
    }

    private static String policy(int m) {
        return "version: 1\nmodel:\n  name: " + model(m) + "\n  team: team-" + (m % 20) + "\n"
                + "promotion:\n  groups:\n    approvers: [priya, tomas, ana]\n  stages:\n    - name: staging\n"
                + "    - name: production\n      gates: [validate, ethics]\n"
                + "      approvals: {group: approvers, quorum: 2}\n      train: true\n"
                + "  train:\n    name: train-" + (m % 5) + "\n    timeZone: Europe/Berlin\n    departures:\n"
                + "      - {day: tuesday, time: \"14:00\"}\n";
    }

    private static void generate(Path jobsRoot, Path home, int models, int builds) throws IOException,
            io.mlgates.core.registry.RegistryException {
        Random random = new Random(14);
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        int perModel = builds / models;
        for (int m = 0; m < models; m++) {
            JobRef job = job(jobsRoot, m);
            Files.createDirectories(job.buildsFolder());
            PolicyCopies.in(job.buildsFolder()).keep(policy(m));
            String digest = PolicyLoader.digest(policy(m).getBytes(StandardCharsets.UTF_8));
            Files.writeString(job.buildsFolder().resolve("policy.txt"), digest);
            try (BufferedWriter out = Files.newBufferedWriter(job.buildsFolder().resolve(TrendIndex.FILE_NAME),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
                for (int b = 1; b <= perModel; b++) {
                    // a new candidate every perModel / VERSIONS builds; the last one is version VERSIONS
                    int version = 1 + (b - 1) * VERSIONS / perModel;
                    Instant at = start.plusSeconds(3600L * (b * models + m));
                    for (String gate : List.of("validate", "ethics")) {
                        String status = random.nextInt(10) == 0 ? "WARN" : "PASS";
                        out.write(line(b, gate, gate, status, model(m), candidate(m, version), digest, at));
                        out.write('\n');
                    }
                }
            }
            Files.createDirectories(job.buildsFolder().resolve(Integer.toString(perModel)));
            if (m % 10 == 0) {
                WaitingPromotions.in(job.buildsFolder()).add(new WaitingPromotion(perModel, "production", model(m),
                        "production", candidate(m, VERSIONS), start));
            }
        }
        TeamRegistry registry = TeamRegistrySetting.embedded().registry(home, Optional::empty, Clock.systemUTC());
        try (ModelRegistry r = registry.open()) {
            for (int m = 0; m < models; m++) {
                for (int v = 1; v <= VERSIONS; v++) {
                    r.register(new Registration(model(m), candidate(m, v), "model", Optional.empty(), "alice", start,
                            Map.of("recall", 0.7), List.of()), "jenkins");
                }
                r.move(new StageMoveRequest(model(m), "staging", OptionalInt.empty(), VERSIONS,
                        StageMove.Kind.PROMOTE, "jenkins", start, "benchmark", false, "[]"));
                r.decide(new Approval(model(m), candidate(m, VERSIONS), "production", "priya",
                        Approval.Decision.APPROVE, "benchmark", start));
            }
        }
    }

    private static String line(int build, String id, String gate, String status, String model, String candidate,
                               String policy, Instant at) {
        return Jobs.json(build, id, gate, status, model, candidate, policy, at.toString());
    }
}
