package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mlgates.core.testing.FixedClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The start-up work done beside the parsing of the command line: a gate waits for it, and what goes wrong in it
 * reaches the user as it would have had the gate done the work itself.
 */
class PreparationTest {
    private static final String POLICY = "limits:\n  - metric: roc_auc\n    min: 0.5\n";

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int validate(Preparation preparation, Path repo) {
        return Main.execute(Main.commandLine(TestEnvironment.FIXED, "validate", preparation),
                new PrintWriter(out, true), new PrintWriter(err, true), "validate", "--policy",
                repo.resolve("mlgates.yaml").toString(), "--out", repo.resolve("results").toString());
    }

    @Test
    void anErrorOfThePreparationEndsTheGateAsTheErrorItselfWouldHave() throws IOException {
        Path repo = SmallRepository.create(tmp, SmallRepository.EIGHT_ROWS, POLICY);
        OutOfMemoryError error = new OutOfMemoryError("Java heap space");

        Throwable thrown = catchThrowable(() -> validate(Preparation.start(List.of(() -> {
        }, () -> {
            throw error;
        })), repo));

        // Main.main turns exactly this into its out-of-memory message and exit code 3
        assertThat(thrown).isSameAs(error);
        assertThat(out.toString()).isEmpty();
        assertThat(repo.resolve("results")).doesNotExist();
    }

    @Test
    void anExceptionOfThePreparationIsDroppedAndTheGateJudgesAsWithout() throws IOException {
        Path repo = SmallRepository.create(tmp, SmallRepository.EIGHT_ROWS, POLICY);
        int without = validate(Preparation.none(), repo);
        String shown = out.toString();
        String validateJson = Files.readString(repo.resolve("results/validate.json"));
        out.getBuffer().setLength(0);

        int with = validate(Preparation.start(List.of(() -> {
            throw new IllegalStateException("met again by the main thread, if at all");
        })), repo);

        assertThat(without).isZero();
        assertThat(with).isZero();
        assertThat(out.toString()).isEqualTo(shown);
        assertThat(Files.readString(repo.resolve("results/validate.json"))).isEqualTo(validateJson);
        assertThat(err.toString()).doesNotContain("met again");
    }

    @ParameterizedTest(name = "mlgates {0}")
    @ValueSource(strings = {"validate", "ethics", "run"})
    void aGateWaitsUntilThePreparationIsDone(String command) throws Exception {
        Path repo = SmallRepository.create(tmp, SmallRepository.EIGHT_ROWS, POLICY);
        // The gate reads the clock when it judges; the work waits for that (a second at most), so that a gate that did
        // not wait would read the clock before the work is done.
        CountDownLatch clockRead = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        List<Boolean> doneWhenRead = new CopyOnWriteArrayList<>();
        Clock watched = new Clock() {
            @Override
            public ZoneId getZone() {
                return FixedClock.CLOCK.getZone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                doneWhenRead.add(done.get());
                clockRead.countDown();
                return FixedClock.CLOCK.instant();
            }
        };
        // a quick work beside it: the gate waits for every work, not the first done
        Preparation slow = Preparation.start(List.of(() -> {
        }, () -> {
            try {
                clockRead.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.set(true);
        }));

        String[] args = command.equals("run") ? new String[] {"run", repo.toString(), "--no-promote"}
                : new String[] {command, "--policy", repo.resolve("mlgates.yaml").toString(), "--format", "json"};

        int code = Main.execute(Main.commandLine(new Environment("tester", Map.of(), watched), command, slow),
                new PrintWriter(out, true), new PrintWriter(err, true), args);

        assertThat(code).as(err.toString()).isIn(Validation.PASSED, Validation.NOT_PASSED);
        assertThat(doneWhenRead).isNotEmpty().containsOnly(true);
    }

    @Test
    void theGatesPreparationRunsWithoutError() {
        assertThatCode(() -> Preparation.ofGate(Map.of()).await()).doesNotThrowAnyException();
        assertThatCode(() -> Preparation.ofGate(Map.of(SharedReads.VARIABLE, "off")).await())
                .doesNotThrowAnyException();
    }

    @Test
    void everyGateNameIsACommandThatJudges() {
        assertThat(Main.commandLine(TestEnvironment.FIXED).getSubcommands().keySet())
                .containsAll(Main.GATES);
        assertThat(Main.GATES).containsExactlyInAnyOrder("validate", "ethics", "run");
    }
}
