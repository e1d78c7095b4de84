package io.mlgates.plugin.logic.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.mlgates.core.board.ModelFacts;
import io.mlgates.core.board.RegistryFacts;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.ModelVersion;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.registry.Registration;
import io.mlgates.core.registry.StageMove;
import io.mlgates.core.registry.StageMoveRequest;
import io.mlgates.plugin.logic.TeamRegistry;
import io.mlgates.plugin.logic.TeamRegistrySetting;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board's registry part: read at a head and kept while it stays; a slow or failing registry says so. */
class BoardRegistryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    private static final String C1 = "sha256:" + "1".repeat(64);
    private static final String C2 = "sha256:" + "2".repeat(64);
    private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path root;
    private Jobs jobs;
    private ExecutorService executor;
    private TeamRegistry embedded;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        jobs = new Jobs(root.resolve("jobs"));
        executor = Executors.newSingleThreadExecutor();
        embedded = TeamRegistrySetting.embedded().registry(root.resolve("home"), Optional::empty, CLOCK);
        JobRef job = jobs.job("credit");
        String policy = Jobs.keep(job, Jobs.POLICY);
        Jobs.line(job, 1, "validate", "validate", "PASS", "credit-risk", C2, policy, "2026-11-30T10:00:00Z");
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    private BoardFactsSource source(TeamRegistry team, Duration wait) {
        return new BoardFactsSource(jobs, () -> team, executor, CLOCK, new BoardFactsSource.Limits(100, 100, 100,
                wait));
    }

    /** The registry, each of its read calls counted by name. */
    private TeamRegistry counted(TeamRegistry real) {
        return new TeamRegistry() {
            @Override
            public ModelRegistry open() throws RegistryException {
                return real.open();
            }

            @Override
            public Optional<ModelRegistry> openToRead(String model) throws RegistryException {
                calls.computeIfAbsent("openToRead", k -> new AtomicInteger()).incrementAndGet();
                return real.openToRead(model).map(r -> (ModelRegistry) Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[] {ModelRegistry.class}, (proxy, method, args) -> {
                            calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
                            try {
                                return method.invoke(r, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }));
            }
        };
    }

    private int calls(String method) {
        return calls.getOrDefault(method, new AtomicInteger()).get();
    }

    private void approve(String approver) throws Exception {
        try (ModelRegistry r = embedded.open()) {
            r.decide(new Approval("credit-risk", C2, "production", approver, Approval.Decision.APPROVE, "fine",
                    AT));
        }
    }

    @Test
    void noRegistryYetIsAnEmptyOneAndIsNotCreated() throws Exception {
        VisibleFacts facts = source(embedded, Duration.ofSeconds(30)).visible(name -> true);

        assertThat(facts.registryProblem()).isEmpty();
        assertThat(facts.models()).singleElement().extracting(ModelFacts::registry).isEqualTo(RegistryFacts.empty());
        assertThat(TeamRegistrySetting.embeddedFile(root.resolve("home"))).doesNotExist();
    }

    /**
     * Stages, versions and the latest candidate's approvals per stage of its policy; read again only when the audit
     * head moved: a second board reads the head and nothing else, a new approval moves it and is shown.
     */
    @Test
    void readsTheRegistryAtItsHeadAndAgainOnlyWhenTheHeadMoved() throws Exception {
        try (ModelRegistry r = embedded.open()) {
            r.register(new Registration("credit-risk", C1, "model", Optional.empty(), "alice", AT, Map.of(),
                    List.of()), "jenkins");
            r.register(new Registration("credit-risk", C2, "model", Optional.empty(), "alice", AT, Map.of(),
                    List.of()), "jenkins");
            r.move(new StageMoveRequest("credit-risk", "staging", OptionalInt.empty(), 2, StageMove.Kind.PROMOTE,
                    "jenkins", AT, "evidence complete", false, "[]"));
        }
        approve("priya");
        BoardFactsSource source = source(counted(embedded), Duration.ofSeconds(30));

        RegistryFacts first = source.visible(name -> true).models().get(0).registry();

        assertThat(first.stages()).containsExactly(Map.entry("staging", 2));
        assertThat(first.versions()).extracting(ModelVersion::version, v -> v.registration().digest())
                .containsExactly(tuple(1, C1), tuple(2, C2));
        assertThat(first.approvals()).containsOnlyKeys("production");
        assertThat(first.approvals().get("production")).extracting(Approval::approver).containsExactly("priya");
        int approvalReads = calls("approvals");
        assertThat(approvalReads).as("one per stage of the policy").isEqualTo(2);

        VisibleFacts again = source.visible(name -> true);

        assertThat(again.models().get(0).registry()).isEqualTo(first);
        assertThat(calls("head")).isEqualTo(2);
        assertThat(calls("approvals")).as("head unchanged: nothing read again").isEqualTo(approvalReads);
        assertThat(calls("versions")).isEqualTo(1);

        approve("tomas");
        RegistryFacts moved = source.visible(name -> true).models().get(0).registry();

        assertThat(moved.approvals().get("production")).extracting(Approval::approver)
                .containsExactly("priya", "tomas");
        assertThat(calls("versions")).isEqualTo(2);
    }

    /**
     * A registry that does not answer costs a page the wait only: the models are there without the registry's part,
     * and the problem says why; one read at a time runs, however many pages ask; once it answers, the next board has
     * it.
     */
    @Test
    void aSlowRegistryCostsThePageItsWaitAndSaysSo() throws Exception {
        approve("priya");
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger opened = new AtomicInteger();
        TeamRegistry slow = new TeamRegistry() {
            @Override
            public ModelRegistry open() throws RegistryException {
                throw new AssertionError("not for writing");
            }

            @Override
            public Optional<ModelRegistry> openToRead(String model) throws RegistryException {
                opened.incrementAndGet();
                try {
                    answer.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return embedded.openToRead(model);
            }
        };
        BoardFactsSource source = source(slow, Duration.ofMillis(100));

        VisibleFacts waited = source.visible(name -> true);
        VisibleFacts again = source.visible(name -> true);

        assertThat(waited.models()).singleElement().extracting(ModelFacts::registry).isEqualTo(RegistryFacts.empty());
        assertThat(waited.registryProblem()).contains("the team registry did not answer within 100 ms; its stages,"
                + " versions and approvals are missing from the board");
        assertThat(again.registryProblem()).isEqualTo(waited.registryProblem());
        assertThat(opened).as("one read at a time").hasValue(1);

        answer.countDown();
        VisibleFacts answered = again;
        for (int i = 0; i < 200 && answered.registryProblem().isPresent(); i++) {
            Thread.sleep(50);
            answered = source.visible(name -> true);
        }
        assertThat(answered.registryProblem()).isEmpty();
        assertThat(answered.models().get(0).registry().approvals()).containsOnlyKeys("production");
    }

    /** A registry that fails after it was read once: the board shows what it read, and when, and why not now. */
    @Test
    void aFailingRegistryShowsWhatWasLastReadAndWhy() throws Exception {
        approve("priya");
        boolean[] down = {false};
        TeamRegistry flaky = new TeamRegistry() {
            @Override
            public ModelRegistry open() throws RegistryException {
                throw new AssertionError("not for writing");
            }

            @Override
            public Optional<ModelRegistry> openToRead(String model) throws RegistryException {
                if (down[0]) {
                    throw new RegistryException("https://mlflow.example.com: connection refused");
                }
                return embedded.openToRead(model);
            }
        };
        BoardFactsSource source = source(flaky, Duration.ofSeconds(30));
        RegistryFacts read = source.visible(name -> true).models().get(0).registry();
        down[0] = true;

        VisibleFacts failing = source.visible(name -> true);

        assertThat(failing.models().get(0).registry()).isEqualTo(read);
        assertThat(failing.registryProblem()).contains("the team registry cannot be read:"
                + " https://mlflow.example.com: connection refused; its stages, versions and approvals are shown as"
                + " read at 2026-12-01T08:00:00Z");
    }
}
