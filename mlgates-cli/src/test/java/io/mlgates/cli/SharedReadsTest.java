package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.testing.FixedClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedReadsTest {
    private static final String POLICY = """
            limits:
              - metric: roc_auc
                min: 0.6
            slices:
              - column: region
                limits:
                  - metric: recall
                    min: 0.3
            ethics:
              fairness:
                sensitive: [region, age_band]
                intersections: [[region, age_band]]
                limits:
                  - metric: demographic_parity_difference
                    max: 0.2
            """;
    private static final String NOT_READ_AGAIN = "was not read again";
    private static final String NOT_HASHED_AGAIN = "was not read again, nor hashed again: its identity (device,"
            + " inode, size, modification and change times) is unchanged since an earlier mlgates validate read it";

    @TempDir
    Path tmp;
    private Path repo;
    private Path cache;

    @BeforeEach
    void repository() throws IOException {
        repo = SmallRepository.create(tmp, predictions(new Random(7), 400), POLICY);
        cache = tmp.resolve("cache");
    }

    /** Rows with ties in the scores and two group columns; the label follows the score loosely. */
    private static String predictions(Random random, int rows) {
        StringBuilder csv = new StringBuilder("label,score,region,age_band\n");
        String[] regions = {"north", "south", "east"};
        String[] ages = {"18-24", "25-39", "40-59"};
        for (int i = 0; i < rows; i++) {
            double score = Math.round(random.nextDouble() * 50) / 50.0;
            int label = random.nextDouble() < score ? 1 : 0;
            csv.append(label).append(',').append(score).append(',').append(regions[random.nextInt(3)]).append(',')
                    .append(ages[random.nextInt(3)]).append('\n');
        }
        return csv.toString();
    }

    private record Ran(int code, String out, String err) {
    }

    private Ran run(Map<String, String> variables, String... args) {
        return run(variables, FixedClock.CLOCK, args);
    }

    private Ran run(Map<String, String> variables, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment("tester", variables, clock);
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--policy", repo.resolve("mlgates.yaml").toString(), "--format", "json"));
        int code = Main.execute(env, new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Ran(code, out.toString(), err.toString());
    }

    /** Shared whatever the predictions' size: this test's files are small. */
    private Map<String, String> shared() {
        return Map.of("XDG_CACHE_HOME", cache.toString(), SharedReads.VARIABLE, "always");
    }

    private Map<String, String> unshared() {
        Map<String, String> variables = new HashMap<>(shared());
        variables.put(SharedReads.VARIABLE, "off");
        return variables;
    }

    private Path keptFolder() {
        return cache.resolve("mlgates").resolve(SharedReads.FOLDER).resolve(SharedReads.repository(repo));
    }

    private List<Path> kept() throws IOException {
        if (!Files.isDirectory(keptFolder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(keptFolder())) {
            return files.toList();
        }
    }

    @Test
    @DisplayName("ethics after validate judges the statistics validate kept, and its result is the one a read of the"
            + " rows gives, byte for byte")
    void ethicsAfterValidateJudgesTheKeptStatistics() throws IOException {
        Ran alone = run(unshared(), "ethics");
        assertThat(kept()).as("nothing kept when sharing is off").isEmpty();

        Ran validate = run(shared(), "validate");
        assertThat(validate.err()).doesNotContain(NOT_READ_AGAIN);
        assertThat(kept()).hasSize(1);
        Ran ethics = run(shared(), "ethics");

        assertThat(ethics.err()).contains("eval/predictions.csv " + NOT_READ_AGAIN).contains("mlgates validate");
        assertThat(ethics.code()).isEqualTo(alone.code());
        assertThat(ethics.out()).isEqualTo(alone.out());
        assertThat(ethics.out()).contains("\"source\" : \"rows\"");
    }

    @Test
    @DisplayName("by default small predictions are read by each gate, and the result is the same")
    void smallPredictionsAreReadByEachGate() throws IOException {
        Ran alone = run(unshared(), "ethics");
        Map<String, String> byDefault = Map.of("XDG_CACHE_HOME", cache.toString());

        run(byDefault, "validate");
        Ran ethics = run(byDefault, "ethics");

        assertThat(Files.size(repo.resolve("eval/predictions.csv"))).isLessThan(SharedReads.SMALLEST);
        assertThat(kept()).as("nothing kept for predictions under the size").isEmpty();
        assertThat(ethics.err()).doesNotContain(NOT_READ_AGAIN);
        assertThat(ethics.out()).isEqualTo(alone.out());
    }

    @Test
    @DisplayName("by default predictions of exactly the size from which reads are shared are shared; a byte less, not")
    void sharedFromTheSize() throws IOException {
        for (long size : new long[] {SharedReads.SMALLEST - 1, SharedReads.SMALLEST}) {
            Files.writeString(repo.resolve("eval/predictions.csv"), predictionsOfSize(size));
            Ran alone = run(unshared(), "ethics");
            Map<String, String> byDefault = Map.of("XDG_CACHE_HOME", cache.toString());

            run(byDefault, "validate");
            Ran ethics = run(byDefault, "ethics");

            assertThat(Files.size(repo.resolve("eval/predictions.csv"))).isEqualTo(size);
            if (size < SharedReads.SMALLEST) {
                assertThat(ethics.err()).as("%d bytes", size).doesNotContain(NOT_READ_AGAIN);
            } else {
                assertThat(ethics.err()).as("%d bytes", size).contains(NOT_READ_AGAIN);
            }
            assertThat(ethics.out()).isEqualTo(alone.out());
        }
    }

    /** Rows as {@link #predictions}, the last one's score padded with zeros to make exactly {@code size} bytes. */
    private static String predictionsOfSize(long size) {
        String rows = predictions(new Random(11), (int) (size / 20));
        while (rows.length() > size - 40) {
            rows = rows.substring(0, rows.lastIndexOf('\n', rows.length() - 2) + 1);
        }
        String last = "1,0.5,north,18-24\n";
        int padding = (int) (size - rows.length() - last.length());
        return rows + "1,0.5" + "0".repeat(padding) + ",north,18-24\n";
    }

    @Test
    @DisplayName("validate after ethics judges what ethics kept, and gives the result of reading the rows")
    void validateAfterEthics() throws IOException {
        Ran alone = run(unshared(), "validate");
        assertThat(run(shared(), "ethics").err()).doesNotContain(NOT_READ_AGAIN);
        Ran validate = run(shared(), "validate");
        assertThat(validate.err()).contains(NOT_READ_AGAIN).contains("mlgates ethics");
        assertThat(validate.out()).isEqualTo(alone.out());
        assertThat(validate.code()).isEqualTo(alone.code());
    }

    @Test
    @DisplayName("predictions changed after validate are read again: the kept statistics are of other bytes")
    void changedPredictionsAreReadAgain() throws IOException {
        run(shared(), "validate");
        Files.writeString(repo.resolve("eval/predictions.csv"), predictions(new Random(8), 400));
        Ran alone = run(unshared(), "ethics");
        Ran ethics = run(shared(), "ethics");
        assertThat(ethics.err()).doesNotContain(NOT_READ_AGAIN);
        assertThat(ethics.out()).isEqualTo(alone.out());
    }

    @Test
    @DisplayName("kept statistics altered in the cache are not judged: the rows are read, and the verdict is theirs")
    void alteredStatisticsAreIgnored() throws IOException {
        Ran alone = run(unshared(), "ethics");
        run(shared(), "validate");
        Path file = kept().get(0);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        // the first true-positive count made larger in the text, the tag left as it was
        String altered = text.replaceFirst("\"truePositives\":\\{\"rows\":(\\d+)", "\"truePositives\":{\"rows\":1$1");
        assertThat(altered.equals(text)).as("the file was altered").isFalse();
        Files.writeString(file, altered, StandardCharsets.UTF_8);

        Ran ethics = run(shared(), "ethics");
        assertThat(ethics.err()).doesNotContain(NOT_READ_AGAIN);
        assertThat(ethics.out()).isEqualTo(alone.out());
    }

    /** A clock {@code millis} past the later of the predictions' modification and change times. */
    private Clock pastThePredictions(long millis) throws IOException {
        Map<String, Object> a = Files.readAttributes(repo.resolve("eval/predictions.csv"),
                "unix:lastModifiedTime,ctime");
        Instant modified = ((FileTime) a.get("lastModifiedTime")).toInstant();
        Instant changed = ((FileTime) a.get("ctime")).toInstant();
        return Clock.fixed((modified.isAfter(changed) ? modified : changed).plusMillis(millis), ZoneOffset.UTC);
    }

    @Test
    @DisplayName("ethics after validate, the predictions' identity unchanged: neither read nor hashed again, and the"
            + " result is the one a read of the rows gives")
    void unchangedIdentityIsNotHashedAgain() throws IOException {
        Clock later = pastThePredictions(60_000);
        Ran alone = run(unshared(), later, "ethics");
        run(shared(), later, "validate");
        Ran ethics = run(shared(), later, "ethics");

        assertThat(ethics.err()).contains("eval/predictions.csv " + NOT_HASHED_AGAIN);
        assertThat(ethics.out()).isEqualTo(alone.out());
        assertThat(ethics.code()).isEqualTo(alone.code());
    }

    @Test
    @DisplayName("predictions rewritten in place after validate, same size, modification time set back: ethics sees"
            + " the change time move, and judges the new rows")
    void changeInPlaceWithTheTimeSetBackIsReadAgain() throws IOException {
        Clock later = pastThePredictions(60_000);
        Path file = repo.resolve("eval/predictions.csv");
        run(shared(), later, "validate");
        FileTime modified = Files.getLastModifiedTime(file);
        String text = Files.readString(file);
        // every region named by another of the same length: the same size, other groups
        String changed = text.replace("north", "NORTH");
        Files.writeString(file, changed);
        Files.setLastModifiedTime(file, modified);
        assertThat(changed).isNotEqualTo(text).hasSameSizeAs(text);

        Ran alone = run(unshared(), later, "ethics");
        Ran ethics = run(shared(), later, "ethics");
        assertThat(ethics.err()).doesNotContain(NOT_READ_AGAIN);
        assertThat(ethics.out()).isEqualTo(alone.out()).contains("NORTH");
    }

    @Test
    @DisplayName("predictions written less than 2 s before validate looked at them: their identity is not kept, and"
            + " ethics hashes them before judging the kept statistics")
    void racyPredictionsAreHashed() throws IOException {
        Clock soon = pastThePredictions(1_000);
        Ran alone = run(unshared(), soon, "ethics");
        run(shared(), soon, "validate");
        Ran ethics = run(shared(), soon, "ethics");

        assertThat(ethics.err()).contains("eval/predictions.csv " + NOT_READ_AGAIN + ": its bytes are those")
                .doesNotContain("nor hashed again");
        assertThat(ethics.out()).isEqualTo(alone.out());
    }

    @Test
    @DisplayName("a key that others may read turns sharing off")
    void keyOthersMayReadTurnsSharingOff() throws IOException {
        Path key = cache.resolve("mlgates").resolve(SharedReads.KEY_FILE);
        assertThat(SharedReads.key(key)).isPresent();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(SharedReads.key(key)).as("the same key every time").get()
                .isEqualTo(SharedReads.key(key).orElseThrow());

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(SharedReads.key(key)).isEmpty();
        run(shared(), "validate");
        assertThat(kept()).isEmpty();
    }

    @Test
    @DisplayName("a key of the wrong length turns sharing off; it is not replaced")
    void keyOfTheWrongLength() throws IOException {
        Path key = cache.resolve("mlgates").resolve(SharedReads.KEY_FILE);
        Files.createDirectories(key.getParent());
        Files.write(key, new byte[16]);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertThat(SharedReads.key(key)).isEmpty();
        assertThat(Files.size(key)).isEqualTo(16);
    }

    @Test
    @DisplayName("a policy that drops invalid rows reads the rows in each gate: a shared read that dropped a row"
            + " would be read again")
    void policyThatDropsRowsDoesNotShare() throws IOException {
        Files.writeString(repo.resolve("mlgates.yaml"), POLICY + "predictions:\n  invalidRows: drop\n");
        run(shared(), "validate");
        Ran ethics = run(shared(), "ethics");
        assertThat(ethics.code()).as(ethics.err()).isLessThan(2);
        assertThat(ethics.err()).doesNotContain(NOT_READ_AGAIN);
        assertThat(kept()).isEmpty();
    }

    @Test
    @DisplayName("a cache inside the model repository is not used: the gates read the rows")
    void cacheInsideTheRepository() throws IOException {
        cache = repo.resolve(".cache");
        run(shared(), "validate");
        Ran ethics = run(shared(), "ethics");
        assertThat(ethics.err()).doesNotContain(NOT_READ_AGAIN);
        assertThat(Files.exists(keptFolder())).isFalse();
    }

    @Test
    @DisplayName("the cache is XDG_CACHE_HOME's, else HOME's .cache; relative or missing names give none")
    void cacheFolder() {
        Path xdg = tmp.resolve("xdg").toAbsolutePath();
        Path home = tmp.resolve("home").toAbsolutePath();
        assertThat(SharedReads.cache(Map.of("XDG_CACHE_HOME", xdg.toString(), "HOME", home.toString())))
                .contains(xdg.resolve("mlgates"));
        assertThat(SharedReads.cache(Map.of("XDG_CACHE_HOME", "relative", "HOME", home.toString())))
                .contains(home.resolve(".cache").resolve("mlgates"));
        assertThat(SharedReads.cache(Map.of("HOME", " "))).isEqualTo(Optional.empty());
        assertThat(SharedReads.cache(Map.of())).isEmpty();
    }
}
