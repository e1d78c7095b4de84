package io.mlgates.plugin.logic.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files the board reads at job level: the policy copies by digest and the records of waiting promotions. */
class JobFilesTest {
    private static final String C = "sha256:" + "c".repeat(64);

    @TempDir
    Path builds;

    @Test
    void aPolicyIsKeptOnceUnderItsDigestAndAnEditedCopyIsReplaced() throws Exception {
        PolicyCopies copies = PolicyCopies.in(builds);
        String digest = PolicyLoader.digest(Jobs.POLICY.getBytes(StandardCharsets.UTF_8));

        copies.keep(Jobs.POLICY);
        copies.keep(Jobs.POLICY);

        Path file = builds.resolve("mlgates-policies").resolve(digest.substring("sha256:".length()) + ".yaml");
        try (Stream<Path> files = Files.list(builds.resolve(PolicyCopies.FOLDER))) {
            assertThat(files).containsExactly(file);
        }
        assertThat(copies.read(digest)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8))
                .isEqualTo(Jobs.POLICY));
        Files.writeString(file, "version: 1\n");
        assertThat(copies.read(digest)).as("bytes without the digest are no copy").isEmpty();
        copies.keep(Jobs.POLICY);
        assertThat(copies.read(digest)).isPresent();
        assertThat(copies.file("../x")).isEmpty();
        assertThat(copies.read("sha256:" + "0".repeat(64))).isEmpty();
    }

    @Test
    void aWaitingPromotionsRecordIsWrittenFoundAndRemoved() throws Exception {
        WaitingPromotions records = WaitingPromotions.in(builds);
        WaitingPromotion p = new WaitingPromotion(12, "production", "credit-risk", "production", C,
                Instant.parse("2026-11-30T10:00:00Z"));

        records.add(p);

        assertThat(records.find(12, "production")).contains(p);
        assertThat(builds.resolve("mlgates-waiting/12-production.json")).isRegularFile();
        records.remove(12, "production");
        records.remove(12, "production");
        assertThat(records.read(new ArrayList<>())).isEmpty();
        assertThat(WaitingPromotions.in(builds.resolve("none")).read(new ArrayList<>())).isEmpty();
        assertThatThrownBy(() -> records.remove(12, "../x")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Builds of one job start and end promotions at once: each keeps its own record, none is lost. */
    @Test
    void buildsStartingAndEndingPromotionsAtOnceLoseNoRecord() throws Exception {
        WaitingPromotions records = WaitingPromotions.in(builds);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int b = 1; b <= 100; b++) {
            int build = b;
            done.add(pool.submit(() -> {
                WaitingPromotions.in(builds).add(new WaitingPromotion(build, "production", "m", "production", C,
                        Instant.parse("2026-11-30T10:00:00Z")));
                if (build % 2 == 0) {
                    WaitingPromotions.in(builds).remove(build, "production");
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        List<String> unreadable = new ArrayList<>();
        assertThat(records.read(unreadable)).extracting(WaitingPromotion::build)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 100).filter(b -> b % 2 == 1)
                        .boxed().toList());
        assertThat(unreadable).isEmpty();
    }

    @Test
    void aRecordWhoseNameIsNotItsBuildAndIdIsNoRecord() throws Exception {
        WaitingPromotions records = WaitingPromotions.in(builds);
        records.add(new WaitingPromotion(3, "production", "m", "production", C, Instant.EPOCH));
        Path folder = builds.resolve(WaitingPromotions.FOLDER);
        Files.move(folder.resolve("3-production.json"), folder.resolve("4-production.json"));

        List<String> unreadable = new ArrayList<>();
        assertThat(records.read(unreadable)).isEmpty();
        assertThat(unreadable).containsExactly("mlgates-waiting/4-production.json");
    }
}
