package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.gate.Status;
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
    void skipsALineCutShortByACrash() throws Exception {
        TrendIndex index = TrendIndex.in(builds);
        index.append(1, summary("validate", Status.PASS));
        Files.writeString(builds.resolve(TrendIndex.FILE_NAME), "{\"build\":2,\"id\":\"val", StandardOpenOption.APPEND);
        index.append(3, summary("validate", Status.FAIL));

        assertThat(index.recent(10)).extracting(TrendEntry::getBuild).containsExactly(1);
    }

    @Test
    void compactsToItsNewestLinesWhenItGrowsLarge() throws Exception {
        TrendIndex index = new TrendIndex(builds, 4096, 10);
        Path file = builds.resolve(TrendIndex.FILE_NAME);
        int b = 0;
        long size = 0;
        long largest = 0;
        while (size >= largest && b < 1000) {
            index.append(++b, summary("validate", Status.PASS));
            largest = Math.max(largest, size);
            size = Files.size(file);
        }

        assertThat(largest).isGreaterThan(4096 - 200).isLessThanOrEqualTo(4096);
        assertThat(index.recent(Integer.MAX_VALUE)).extracting(TrendEntry::getBuild)
                .containsExactly(b - 9, b - 8, b - 7, b - 6, b - 5, b - 4, b - 3, b - 2, b - 1, b);
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
}
