package io.mlgates.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.Registration;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.registry.StageMove;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Promotions racing for one stage: {@value #THREADS} threads, each with its own registry connection, and
 * {@value #PROCESSES} other processes, round after round; in every round exactly one wins, and afterwards the
 * history is complete, each move starts where the one before ended, and the audit chain verifies. The registry comes
 * from the caller, so the same race runs against a registry opened directly and through the plugin's wiring.
 */
public final class PromotionRace {
    public static final int THREADS = 8;
    public static final int PROCESSES = 2;
    static final Clock CLOCK = Clock.fixed(PromotionContender.NOW, ZoneOffset.UTC);

    private PromotionRace() {
    }

    /** Opens one more connection to the registry under test. */
    @FunctionalInterface
    public interface Opener {
        ModelRegistry open() throws RegistryException;
    }

    /** Starts one contender process, which runs {@link #rounds} on a registry it opens the same way. */
    @FunctionalInterface
    public interface Starter {
        Process start() throws IOException;
    }

    /** Registers the versions the contenders promote. */
    public static void registerVersions(ModelRegistry registry) throws RegistryException {
        for (int v = 1; v <= PromotionContender.VERSIONS; v++) {
            registry.register(new Registration(ReleaseFixtures.MODEL, ReleaseFixtures.digest(v), "model",
                    Optional.empty(), "alice", PromotionContender.NOW, Map.of(), List.of()), "alice");
        }
    }

    /** A Java process with the test class path running {@code mainClass}. */
    public static Process java(String mainClass, String... args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath, mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /**
     * A contender process's part: for each line {@code ROUND EXPECTED VERSION} on {@code in} ({@code EXPECTED} is
     * {@code -} for none), promotes VERSION to staging against EXPECTED and prints {@code ROUND won} or
     * {@code ROUND lost}.
     */
    public static void rounds(ModelRegistry registry, InputStream in, PrintStream out) throws Exception {
        Promoter promoter = new Promoter(registry, CLOCK);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            String[] round = line.split(" ");
            OptionalInt expected = round[1].equals("-") ? OptionalInt.empty()
                    : OptionalInt.of(Integer.parseInt(round[1]));
            PromotionOutcome outcome = promoter.promote(PromotionContender.request(Integer.parseInt(round[2])),
                    expected);
            out.println(round[0] + (outcome.result() == PromotionOutcome.Result.PROMOTED ? " won" : " lost"));
        }
    }

    /** Contender {@code c} of round {@code r}: two banks of ten versions, so no contender asks for the current one. */
    private static int version(int round, int contender) {
        return 1 + contender + (THREADS + PROCESSES) * (round % 2);
    }

    /** Runs the race for {@code rounds} rounds on a registry where {@link #registerVersions} ran, and checks it. */
    public static void exactlyOneWinsEachRound(Opener opener, Starter starter, int rounds) throws Exception {
        List<ModelRegistry> connections = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int t = 0; t < THREADS; t++) {
                connections.add(opener.open());
            }
            List<PrintWriter> toProcess = new ArrayList<>();
            List<BufferedReader> fromProcess = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                Process process = starter.start();
                processes.add(process);
                toProcess.add(new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8));
                fromProcess.add(new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8)));
            }
            try (ModelRegistry observer = opener.open()) {
                for (int round = 0; round < rounds; round++) {
                    OptionalInt expected = observer.current(ReleaseFixtures.MODEL, "staging");
                    CyclicBarrier start = new CyclicBarrier(THREADS + 1);
                    List<Future<PromotionOutcome>> threads = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        Promoter promoter = new Promoter(connections.get(t), CLOCK);
                        PromotionRequest request = PromotionContender.request(version(round, t));
                        threads.add(pool.submit(() -> {
                            start.await();
                            return promoter.promote(request, expected);
                        }));
                    }
                    for (int p = 0; p < PROCESSES; p++) {
                        toProcess.get(p).println(round + " " + (expected.isPresent() ? expected.getAsInt() : "-") + " "
                                + version(round, THREADS + p));
                    }
                    start.await();
                    int won = 0;
                    for (Future<PromotionOutcome> f : threads) {
                        PromotionOutcome outcome = f.get(30, TimeUnit.SECONDS);
                        if (outcome.result() == PromotionOutcome.Result.PROMOTED) {
                            won++;
                        } else {
                            assertThat(outcome.rules()).containsExactly("stage.conflict");
                        }
                    }
                    for (BufferedReader reader : fromProcess) {
                        String answer = reader.readLine();
                        assertThat(answer).startsWith(round + " ");
                        won += answer.endsWith(" won") ? 1 : 0;
                    }
                    assertThat(won).as("winners of round %d", round).isEqualTo(1);
                }
                List<StageMove> history = observer.history(ReleaseFixtures.MODEL);
                assertThat(history).hasSize(rounds);
                assertConsistent(observer, history);
                assertThat(observer.auditLog()).filteredOn(e -> e.record().action().equals("promote"))
                        .hasSize(rounds);
                assertThat(observer.verifyAudit().intact()).isTrue();
            }
        } finally {
            stop(processes);
            pool.shutdownNow();
            for (ModelRegistry c : connections) {
                c.close();
            }
        }
    }

    /** Every move starts where the one before ended, and the stage points where the last one ended. */
    static void assertConsistent(ModelRegistry registry, List<StageMove> history) throws Exception {
        OptionalInt previous = OptionalInt.empty();
        for (StageMove move : history) {
            assertThat(move.from()).as("move %d", move.id()).isEqualTo(previous);
            previous = OptionalInt.of(move.to());
        }
        assertThat(registry.current(ReleaseFixtures.MODEL, "staging")).isEqualTo(previous);
    }

    /** End of input ends a contender; one that does not end is killed. */
    static void stop(List<Process> processes) throws IOException, InterruptedException {
        for (Process p : processes) {
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
