package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.gate.Status;
import io.mlgates.plugin.logic.attest.Signing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's trend index: appended by each build, read without loading builds. */
class TrendIndexTest {
    @TempDir
    Path builds;

    private static ResultSummary summary(String id, Status status) {
        return ResultSummary.of(id, Results.of("m", List.of(Results.check("limit:accuracy:min", status, "accuracy",
                0.85))), 0, List.of());
    }

    /**
     * A build killed in the middle of a character, and garbage besides: the job page's view model shows the builds
     * that can be read, and the next gate step, run through the whole call, succeeds and is shown.
     */
    @Test
    void aTruncatedCharacterAndGarbageCostOnlyTheirLines(@TempDir Path work) throws Exception {
        TrendIndex index = TrendIndex.in(builds);
        index.append(1, summary("validate", Status.PASS));
        Path file = builds.resolve(TrendIndex.FILE_NAME);
        byte[] precision = "{\"build\":2,\"id\":\"validate\",\"status\":\"PASS\",\"metrics\":{\"pr\u00e9"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(file, java.util.Arrays.copyOf(precision, precision.length - 1), StandardOpenOption.APPEND);
        Files.write(file, new byte[] {'\n', (byte) 0xff, (byte) 0xfe, 'x', '\n'}, StandardOpenOption.APPEND);
        Files.writeString(file, "not json\n{\"build\":\"3\"}\n{\"build\":4,\"id\":\"../../x\",\"status\":\"PASS\"}\n"
                + "{\"build\":5,\"id\":\"validate\",\"status\":\"<b>\"}\n", StandardOpenOption.APPEND);
        index.append(6, summary("validate", Status.WARN));
        Files.write(file, new byte[] {'{', '"', (byte) 0xc3}, StandardOpenOption.APPEND); // cut after 1 of 2 bytes

        TrendView view = TrendView.of(index.recent(50));
        assertThat(view.getSeries()).singleElement().satisfies(series -> {
            assertThat(series.getBuilds()).extracting(TrendEntry::getBuild).containsExactly(6, 1);
            assertThat(series.getSparklines()).singleElement().extracting(TrendView.Sparkline::getLatest)
                    .isEqualTo("0.85");
        });

        Repos.binary(work, Repos.PASS);
        Fakes.Build build = new Fakes.Build() {
            @Override
            public void addToTrend(ResultSummary summary) throws java.io.IOException {
                index.append(7, summary);
            }
        };
        Completion next = new GateCall("mlValidate", new ValidateTask(null, null, null), StepOptions.defaults(),
                Signing.none())
                .run(new Fakes.Workspace(work, AgentRun.MAX_RESULT_CHARS, new Fakes.Log()), build, new Fakes.Log());

        assertThat(next.failed()).as(next.failure()).isFalse();
        assertThat(TrendView.of(index.recent(50)).getSeries().get(0).getBuilds()).extracting(TrendEntry::getBuild)
                .containsExactly(7, 6, 1);
    }

    @Test
    void readsBackWhatBuildsAppendedOldestFirst() throws Exception {
        TrendIndex index = TrendIndex.in(builds);
        index.append(1, summary("validate", Status.PASS));
        index.append(2, summary("validate", Status.WARN));
        index.append(2, summary("ethics", Status.PASS));

        List<TrendEntry> entries = index.recent(10);

        assertThat(entries).extracting(TrendEntry::getBuild, TrendEntry::getId, TrendEntry::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "validate", "PASS"),
                        org.assertj.core.groups.Tuple.tuple(2, "validate", "WARN"),
                        org.assertj.core.groups.Tuple.tuple(2, "ethics", "PASS"));
        assertThat(entries.get(0).getMetrics()).containsEntry("accuracy", 0.85);
        assertThat(builds.resolve("mlgates-trend.jsonl")).isRegularFile();
    }

    @Test
    void keepsTheNewestBuildsAsked() throws Exception {
        TrendIndex index = TrendIndex.in(builds);
        for (int b = 1; b <= 30; b++) {
            index.append(b, summary("validate", Status.PASS));
        }

        assertThat(index.recent(5)).extracting(TrendEntry::getBuild).containsExactly(26, 27, 28, 29, 30);
        assertThat(TrendIndex.in(builds.resolve("none")).recent(5)).isEmpty();
    }

    @Test
    void skipsALineCutShortByACrashAndTheNextAppendStartsALineOfItsOwn() throws Exception {
        TrendIndex index = TrendIndex.in(builds);
        index.append(1, summary("validate", Status.PASS));
        Files.writeString(builds.resolve(TrendIndex.FILE_NAME), "{\"build\":2,\"id\":\"val", StandardOpenOption.APPEND);
        index.append(3, summary("validate", Status.FAIL));

        assertThat(index.recent(10)).extracting(TrendEntry::getBuild).containsExactly(1, 3);
    }

    @Test
    void compactsToItsNewestLinesWhenItGrowsLarge() throws Exception {
        // 8 lines of about 400 bytes each fit in 4 KiB
        TrendIndex index = new TrendIndex(builds, 4096, 8, java.time.Clock.systemUTC());
        Path file = builds.resolve(TrendIndex.FILE_NAME);
        int b = 0;
        long size = 0;
        long largest = 0;
        while (size >= largest && b < 1000) {
            index.append(++b, summary("validate", Status.PASS));
            largest = Math.max(largest, size);
            size = Files.size(file);
        }

        long line = Files.readAllLines(file).get(0).length() + 1;
        assertThat(largest).isGreaterThan(4096 - line).isLessThanOrEqualTo(4096);
        assertThat(index.recent(Integer.MAX_VALUE)).extracting(TrendEntry::getBuild)
                .containsExactly(b - 7, b - 6, b - 5, b - 4, b - 3, b - 2, b - 1, b);
    }

    @Test
    void buildsFinishingTogetherLoseNoEntry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int b = 1; b <= 200; b++) {
            int build = b;
            done.add(pool.submit(() -> {
                TrendIndex.in(builds).append(build, summary("validate", Status.PASS));
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(TrendIndex.in(builds).recent(1000)).hasSize(200);
    }

    @Test
    void aLineNamesTheModelThePolicyAndWhenTheControllerKeptItAndOldLinesStayReadable() throws Exception {
        java.time.Instant now = java.time.Instant.parse("2026-11-30T09:15:00Z");
        Path file = builds.resolve(TrendIndex.FILE_NAME);
        // a line as the index wrote it before promotion, and one as it wrote it before the board
        Files.writeString(file, "{\"build\":1,\"id\":\"validate\",\"status\":\"PASS\",\"metrics\":{}}\n"
                + "{\"build\":2,\"id\":\"validate\",\"status\":\"WARN\",\"metrics\":{},\"gate\":\"validate\","
                + "\"candidate\":\"sha256:c\",\"resultDigest\":\"sha256:r\"}\n"
                + "{\"build\":3,\"id\":\"validate\",\"status\":\"PASS\",\"metrics\":{},\"gate\":\"validate\","
                + "\"candidate\":\"sha256:c\",\"resultDigest\":\"sha256:r\",\"model\":\"m\",\"policyDigest\":\"p\","
                + "\"keptAt\":\"yesterday\"}\n");
        ResultSummary summary = summary("validate", Status.PASS);
        TrendIndex.in(builds, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).append(4, summary);

        List<TrendEntry> entries = TrendIndex.in(builds).entries();

        assertThat(entries).extracting(TrendEntry::getBuild).containsExactly(1, 2, 3, 4);
        assertThat(entries.get(0).evidence()).isEmpty();
        assertThat(entries.get(1).evidence()).isPresent();
        assertThat(entries.subList(0, 3)).allSatisfy(e -> assertThat(e.judgement()).isEmpty());
        assertThat(entries.get(3).judgement()).contains(new TrendEntry.Judgement("m", summary.getPolicyDigest(), now));
        assertThat(Files.readAllLines(file).get(3)).contains("\"model\":\"m\"", "\"keptAt\":\"2026-11-30T09:15:00Z\"");
    }
}
