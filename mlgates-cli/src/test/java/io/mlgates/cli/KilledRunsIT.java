package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.report.RunFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs killed at random points, and runs at the same time, on one results folder: whatever survives is one run's
 * complete set, and no temporary file is left once a run has completed. The writers are child JVMs
 * ({@link RunWriterChild}) with small heaps, killed with {@link Process#destroyForcibly()} (SIGKILL).
 */
class KilledRunsIT {
    /** Fixed, so that a failure can be replayed; the kill points follow from it. */
    private static final long SEED = 20261203L;
    private static final int KILLED_RUNS = 50;
    private static final Pattern LEFTOVER = Pattern.compile("\\.results\\.[0-9a-f]{16}\\.(tmp|old|del)");
    private static final List<String> SET = List.of("validate.json", "ethics.json", "TEST-mlgates-validate.xml",
            "TEST-mlgates-ethics.xml", "report/index.html", "report/mlgates.css");

    @TempDir
    Path tmp;
    private Path fixture;
    private Path results;

    @BeforeEach
    void results() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        fixture = tmp.resolve("fixture");
        Environment env = new Environment("tester", Map.of(),
                Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
        StringWriter err = new StringWriter();
        for (String gate : List.of("validate", "ethics")) {
            assertThat(Main.execute(env, new PrintWriter(new StringWriter()), new PrintWriter(err), gate,
                    "--policy", repo.resolve("mlgates.yaml").toString(), "--out", fixture.toString()))
                    .as(err.toString()).isZero();
        }
        results = Files.createDirectories(tmp.resolve("work/.mlgates")).resolve("results");
    }

    private Process start(int writer, int runs) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx48m", "-Xss512k", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-XX:-UsePerfData", "-cp", classPath, RunWriterChild.class.getName(),
                results.toString(), fixture.toString(), Integer.toString(writer), Integer.toString(runs))
                .redirectError(tmp.resolve("writer-" + writer + ".err").toFile())
                .start();
    }

    /** Reads the writer's output up to {@code line}, unbuffered, so that a later call sees the lines after it. */
    private static void awaitLine(Process p, String line) throws IOException {
        InputStream in = p.getInputStream();
        StringBuilder current = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            if (c != '\n') {
                current.append((char) c);
            } else if (current.toString().equals(line)) {
                return;
            } else {
                current.setLength(0);
            }
        }
        throw new AssertionError("the writer ended before saying '" + line + "'");
    }

    @Test
    @DisplayName("50 runs killed at random points, two at a time: the folder holds one run's whole set, or nothing;"
            + " leftovers go")
    void killedRuns() throws Exception {
        // How long the first two runs take here: the kills are spread over that span, so that they land before,
        // during and after a commit whatever the machine's speed.
        Process calibration = start(0, 2);
        awaitLine(calibration, "ready");
        long readyAt = System.nanoTime();
        awaitLine(calibration, "committed 2");
        // two writers share the machine and the lock: twice that
        int span = (int) Math.max(200, 2 * TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - readyAt));
        assertThat(calibration.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Random random = new Random(SEED);
        Set<Instant> seen = new TreeSet<>();
        int roundsWithoutCommit = 0;
        for (int round = 0; round < KILLED_RUNS / 2; round++) {
            Process first = start(2 * round + 1, 1_000);
            Process second = start(2 * round + 2, 1_000);
            awaitLine(first, "ready");
            awaitLine(second, "ready");
            int[] delays = {random.nextInt(span), random.nextInt(span)};
            Thread.sleep(Math.min(delays[0], delays[1]));
            (delays[0] <= delays[1] ? first : second).destroyForcibly();
            Thread.sleep(Math.abs(delays[0] - delays[1]));
            (delays[0] <= delays[1] ? second : first).destroyForcibly();
            for (Process p : List.of(first, second)) {
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            int before = seen.size();
            assertOneRunsSet().ifPresent(seen::add);
            roundsWithoutCommit += seen.size() == before ? 1 : 0;
            // each run clears what the killed ones before it left: at most the last kills' staging and old folders
            assertThat(leftovers()).hasSizeLessThanOrEqualTo(3);
        }
        // Where the kills landed depends on the machine's load, so it is told, not asserted.
        System.out.printf("KilledRunsIT: %d rounds, %d ended with a newer run's set, %d with none newer%n",
                KILLED_RUNS / 2, seen.size(), roundsWithoutCommit);
        Process last = start(0, 1);
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as(Files.readString(tmp.resolve("writer-0.err"))).isZero();
        assertThat(assertOneRunsSet()).contains(RunWriterChild.BASE);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    @DisplayName("two writers at once on one folder follow each other through the lock: every run completes whole")
    void concurrentWriters() throws Exception {
        int runs = 10;
        Process a = start(1, runs);
        Process b = start(2, runs);
        for (Process p : List.of(a, b)) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(a.exitValue()).as(Files.readString(tmp.resolve("writer-1.err"))).isZero();
        assertThat(b.exitValue()).as(Files.readString(tmp.resolve("writer-2.err"))).isZero();
        Instant last = assertOneRunsSet().orElseThrow();
        assertThat(last).isIn(RunWriterChild.BASE.plusSeconds(100_000 + runs - 1),
                RunWriterChild.BASE.plusSeconds(200_000 + runs - 1));
        assertThat(leftovers()).isEmpty();
        assertThat(Files.readString(tmp.resolve("writer-1.err")) + Files.readString(tmp.resolve("writer-2.err")))
                .doesNotContain("not written");
    }

    /** Entries that killed runs may leave beside the folder. */
    private List<String> leftovers() throws IOException {
        try (Stream<Path> list = Files.list(results.getParent())) {
            List<String> names = list.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("results") && !n.equals(".results.lock")).sorted().toList();
            assertThat(names).allMatch(n -> LEFTOVER.matcher(n).matches());
            return names;
        }
    }

    /**
     * The folder is absent (no run completed, or the kill came between the two renames), or it holds exactly the
     * files its manifest names, each with its digest, all of one run (one time in the four result files).
     *
     * @return that run's time
     */
    private java.util.Optional<Instant> assertOneRunsSet() throws Exception {
        if (!Files.exists(results)) {
            return java.util.Optional.empty();
        }
        Map<String, String> manifest = new TreeMap<>();
        for (String line : Files.readAllLines(results.resolve(RunFolder.MANIFEST))) {
            manifest.put(line.substring(66), line.substring(0, 64));
        }
        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(results)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = results.relativize(f).toString();
                if (!rel.equals(RunFolder.MANIFEST)) {
                    actual.put(rel, sha256(f));
                }
            }
        }
        assertThat(actual).as("files and digests against the manifest").isEqualTo(manifest);
        assertThat(manifest.keySet()).containsAll(SET);
        ObjectMapper mapper = new ObjectMapper();
        List<String> times = new ArrayList<>();
        for (String gate : List.of("validate", "ethics")) {
            times.add(mapper.readTree(results.resolve(gate + ".json").toFile()).get("evaluatedAt").asText());
            Matcher m = Pattern.compile("timestamp=\"([^\"]+)\"")
                    .matcher(Files.readString(results.resolve("TEST-mlgates-" + gate + ".xml")));
            assertThat(m.find()).isTrue();
            times.add(m.group(1));
        }
        assertThat(Set.copyOf(times)).as("times of the four result files").hasSize(1);
        return java.util.Optional.of(Instant.parse(times.get(0)));
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            sha.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
