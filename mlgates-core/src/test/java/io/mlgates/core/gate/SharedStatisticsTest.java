package io.mlgates.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.core.testing.FixedClock;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two gates of a build, run apart, judge from one read of the predictions exactly what two reads give; anything
 * in the build's folder that is not the build's own, for these predictions and this policy, is ignored.
 */
class SharedStatisticsTest {
    /** Slices with a rank limit, two sensitive columns and their intersection: every part of the statistics. */
    private static final String POLICY = """
            limits:
              - metric: roc_auc
                min: 0.7
              - metric: recall
                min: 0.3
            slices:
              - column: region
                limits:
                  - metric: roc_auc
                    min: 0.4
            ethics:
              fairness:
                sensitive: [sex, region]
                intersections: [[sex, region]]
            """;

    @TempDir
    Path temp;
    private Path repo;
    private SharedStatistics.Place place;
    private final GateResultJson json = new GateResultJson();

    @BeforeEach
    void repository() throws IOException {
        repo = Files.createDirectories(temp.resolve("workspace"));
        Files.createDirectories(repo.resolve("eval"));
        Files.writeString(repo.resolve("mlgates.yaml"), POLICY);
        Files.writeString(repo.resolve("eval/predictions.csv"), predictions(7, true));
        // a clock an hour past the predictions' times: their identity is kept, whatever the date or the machine's clock
        place = new SharedStatistics.Place(temp.resolve("workspace@tmp/mlgates/job-1"), key(1),
                clockAt(latestTime(repo.resolve("eval/predictions.csv")).plus(Duration.ofHours(1))));
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** The later of the file's modification and change times, as the file system gives them. */
    private static Instant latestTime(Path file) throws IOException {
        Map<String, Object> a = Files.readAttributes(file, "unix:lastModifiedTime,ctime");
        Instant modified = ((FileTime) a.get("lastModifiedTime")).toInstant();
        Instant changed = ((FileTime) a.get("ctime")).toInstant();
        return modified.isAfter(changed) ? modified : changed;
    }

    /** Rows with ties among the scores; {@code informative} scores follow the label (ROC AUC well above 0.7). */
    private static String predictions(long seed, boolean informative) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("label,score,region,sex\n");
        String[] regions = {"north", "south", "east"};
        for (int i = 0; i < 600; i++) {
            int label = random.nextInt(2);
            double noise = random.nextInt(40) / 40.0;
            double score = informative ? Math.min(1, 0.35 * label + 0.65 * noise) : noise;
            csv.append(label).append(',').append(String.format(Locale.ROOT, "%.3f", score)).append(',')
                    .append(regions[random.nextInt(3)]).append(',').append(random.nextBoolean() ? "f" : "m")
                    .append('\n');
        }
        return csv.toString();
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }

    private LoadedPolicy policy() throws Exception {
        return new PolicyLoader().loadFromRepository(repo);
    }

    private ValidationRequest validation() throws Exception {
        return ValidationRequest.of(Workspace.at(repo), policy(), FixedClock.CLOCK);
    }

    private EthicsRequest ethics() throws Exception {
        LoadedPolicy policy = policy();
        return new EthicsRequest(Workspace.at(repo), policy, Optional.empty(), Optional.empty(), Map.of(),
                ProgressListener.NONE, FixedClock.CLOCK,
                SeenChainHead.none(policy.policy().promotion().registry(), "not read"), ColumnChoice.none());
    }

    /** Each gate on its own read, as without sharing. */
    private List<String> twoReads() throws Exception {
        return List.of(json.toJson(new ValidationGate().evaluate(validation())),
                json.toJson(new EthicsGate().evaluate(ethics())));
    }

    private SharedStatistics.Judged validate(SharedStatistics.Place at) throws Exception {
        return SharedStatistics.validate(validation(), at);
    }

    private SharedStatistics.Judged ethics(SharedStatistics.Place at) throws Exception {
        return SharedStatistics.ethics(ethics(), at);
    }

    private Path kept() throws IOException {
        try (Stream<Path> files = Files.list(place.folder())) {
            return files.filter(f -> f.toString().endsWith(SharedStatistics.SUFFIX)).findFirst().orElseThrow();
        }
    }

    @Test
    @DisplayName("validate, then ethics: the second judges the kept statistics, and both results are two reads'")
    void validateThenEthics() throws Exception {
        SharedStatistics.Judged first = validate(place);
        SharedStatistics.Judged second = ethics(place);

        assertThat(first.reused()).isFalse();
        assertThat(first.note()).contains("kept the statistics of eval/predictions.csv");
        assertThat(second.reused()).as(second.note()).isTrue();
        assertThat(second.unhashed()).as(second.note()).isTrue();
        assertThat(List.of(json.toJson(first.result()), json.toJson(second.result()))).isEqualTo(twoReads());
        assertThat(json.toJson(second.result())).contains("\"source\" : \"rows\"", "sex&region");
    }

    @Test
    @DisplayName("ethics, then validate: the same")
    void ethicsThenValidate() throws Exception {
        SharedStatistics.Judged first = ethics(place);
        SharedStatistics.Judged second = validate(place);

        assertThat(first.reused()).isFalse();
        assertThat(second.reused()).as(second.note()).isTrue();
        assertThat(second.unhashed()).as(second.note()).isTrue();
        assertThat(List.of(json.toJson(second.result()), json.toJson(first.result()))).isEqualTo(twoReads());
    }

    @Test
    @DisplayName("the kept file holds what the other gate reads: no rank summary or slices for the ethics gate, no"
            + " groups for the validation gate")
    void keptForTheOtherGateOnly() throws Exception {
        validate(place);
        String forEthics = Files.readString(kept());
        Files.delete(kept());
        ethics(place);
        String forValidation = Files.readString(kept());

        assertThat(forEthics).contains("\"fairness\"", "\"slices\":[]", "\"rankMetrics\":false")
                .doesNotContain("\"ranks\"");
        assertThat(forValidation).contains("\"ranks\"", "\"column\":\"region\"").doesNotContain("\"fairness\"");
    }

    @Test
    @DisplayName("statistics nearly as large as the rows (a distinct score per row) are not kept: the rows are read")
    void statisticsAsLargeAsTheRowsAreNotKept() throws Exception {
        StringBuilder csv = new StringBuilder("label,score,region,sex\n");
        Random random = new Random(11);
        for (int i = 0; i < 80_000; i++) {
            csv.append(random.nextInt(2)).append(',').append(random.nextDouble()).append(",north,f\n");
        }
        Files.writeString(repo.resolve("eval/predictions.csv"), csv);
        SharedStatistics.Judged first = ethics(place);
        SharedStatistics.Judged second = validate(place);

        assertThat(first.note()).contains("not kept for the other gate: the statistics it needs take");
        assertThat(second.reused()).isFalse();
        assertThat(List.of(json.toJson(second.result()), json.toJson(first.result()))).isEqualTo(twoReads());
    }

    @Test
    @DisplayName("predictions changed between the steps: the second reads the new rows")
    void changedPredictionsAreReadAgain() throws Exception {
        validate(place);
        Files.writeString(repo.resolve("eval/predictions.csv"), predictions(8, true));
        SharedStatistics.Judged second = ethics(place);

        assertThat(second.reused()).isFalse();
        assertThat(second.note()).contains("no statistics kept for these predictions");
        assertThat(json.toJson(second.result())).isEqualTo(twoReads().get(1));
    }

    @Test
    @DisplayName("policy changed between the steps: the second reads the rows")
    void changedPolicyIsReadAgain() throws Exception {
        ethics(place);
        Files.writeString(repo.resolve("mlgates.yaml"), POLICY.replace("min: 0.3", "min: 0.35"));
        SharedStatistics.Judged second = validate(place);

        assertThat(second.reused()).isFalse();
        assertThat(second.note()).contains("kept for other policy");
        assertThat(json.toJson(second.result())).isEqualTo(twoReads().get(0));
    }

    @Test
    @DisplayName("other sensitive columns in the second step: the rows are read")
    void otherColumnsAreReadAgain() throws Exception {
        validate(place);
        LoadedPolicy policy = policy();
        EthicsRequest bySex = new EthicsRequest(Workspace.at(repo), policy, Optional.empty(),
                Optional.of(List.of("sex")), Map.of(), ProgressListener.NONE, FixedClock.CLOCK,
                SeenChainHead.none(policy.policy().promotion().registry(), "not read"), ColumnChoice.none());
        SharedStatistics.Judged second = SharedStatistics.ethics(bySex, place);

        assertThat(second.reused()).isFalse();
        assertThat(second.note()).contains("kept for other columns");
        assertThat(json.toJson(second.result())).isEqualTo(json.toJson(new EthicsGate().evaluate(bySex)));
    }

    /**
     * A forgery: the statistics kept for informative predictions, made to name the uninformative ones now in the
     * repository, whose ROC AUC fails the limit. With the build's own tag recomputed it would be judged (and
     * pass); tampered with, untagged or tagged under another key it is ignored, and the rows fail.
     */
    private byte[] forgeryOfInformativeStatistics() throws Exception {
        ethics(place); // keeps what the validation gate needs
        byte[] genuine = Files.readAllBytes(kept());
        Files.delete(kept());
        String before = digestOf(repo.resolve("eval/predictions.csv"));
        Files.writeString(repo.resolve("eval/predictions.csv"), predictions(7, false));
        String after = digestOf(repo.resolve("eval/predictions.csv"));
        String text = new String(genuine, StandardCharsets.UTF_8).replace(before, after);
        Files.write(place.folder().resolve(after.substring("sha256:".length()) + SharedStatistics.SUFFIX),
                text.getBytes(StandardCharsets.UTF_8));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String digestOf(Path file) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    /** The file with its last line replaced by the HMAC-SHA256 of the rest under {@code key}, computed here. */
    private static byte[] retagged(byte[] file, byte[] key) throws Exception {
        int body = file.length - ("hmac-sha256 ".length() + 65);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(file, 0, body);
        byte[] line = ("hmac-sha256 " + HexFormat.of().formatHex(mac.doFinal()) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(file, body + line.length);
        System.arraycopy(line, 0, out, body, line.length);
        return out;
    }

    private Status rowsStatus() throws Exception {
        return new ValidationGate().evaluate(validation()).status();
    }

    @Test
    @DisplayName("the forgery retagged with the build's key would be judged: the tag is what keeps it out")
    void forgeryWithTheBuildsKeyIsJudged() throws Exception {
        byte[] forged = forgeryOfInformativeStatistics();
        Files.write(kept(), retagged(forged, key(1)));
        SharedStatistics.Judged validation = validate(place);

        assertThat(validation.reused()).isTrue();
        assertThat(rowsStatus()).isEqualTo(Status.FAIL);
        assertThat(validation.result().status()).isNotEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("a tampered file (the tag of other bytes) is ignored: the rows are read, and fail")
    void tamperedFileIsIgnored() throws Exception {
        forgeryOfInformativeStatistics();
        SharedStatistics.Judged second = validate(place);

        assertThat(second.reused()).isFalse();
        assertThat(second.note()).contains("do not carry this build's tag");
        assertThat(second.result().status()).isEqualTo(Status.FAIL);
        assertThat(json.toJson(second.result())).isEqualTo(twoReads().get(0));
    }

    @Test
    @DisplayName("an untagged file is ignored: the rows are read, and fail")
    void untaggedFileIsIgnored() throws Exception {
        byte[] forged = forgeryOfInformativeStatistics();
        Files.write(kept(), Arrays.copyOf(forged, forged.length - ("hmac-sha256 ".length() + 65)));
        SharedStatistics.Judged second = validate(place);

        assertThat(second.reused()).isFalse();
        assertThat(second.result().status()).isEqualTo(Status.FAIL);
        assertThat(json.toJson(second.result())).isEqualTo(twoReads().get(0));
    }

    @Test
    @DisplayName("a file tagged under another key (another build's, or a script's) is ignored: the rows fail")
    void otherKeyIsIgnored() throws Exception {
        byte[] forged = forgeryOfInformativeStatistics();
        Files.write(kept(), retagged(forged, key(2)));
        SharedStatistics.Judged second = validate(place);

        assertThat(second.reused()).isFalse();
        assertThat(second.note()).contains("do not carry this build's tag");
        assertThat(second.result().status()).isEqualTo(Status.FAIL);
        assertThat(json.toJson(second.result())).isEqualTo(twoReads().get(0));
    }

    @Test
    @DisplayName("the genuine file read under another build's key is ignored")
    void anotherBuildsKeyIgnoresTheFile() throws Exception {
        validate(place);
        SharedStatistics.Judged second = ethics(new SharedStatistics.Place(place.folder(), key(3)));

        assertThat(second.reused()).isFalse();
        assertThat(json.toJson(second.result())).isEqualTo(twoReads().get(1));
    }

    @Test
    @DisplayName("a read that drops a row is not kept: each gate reads as alone")
    void droppedRowIsNotKept() throws Exception {
        Files.writeString(repo.resolve("mlgates.yaml"), POLICY + "predictions:\n  invalidRows: drop\n"
                + "  maxDroppedShare: 0.5\n");
        // a sex too long to be a group: the ethics gate drops the row, the validation gate does not read the column
        Files.writeString(repo.resolve("eval/predictions.csv"), predictions(7, true) + "1,0.5,north,"
                + "r".repeat(1_001) + "\n");
        SharedStatistics.Judged first = validate(place);
        SharedStatistics.Judged second = ethics(place);

        assertThat(first.note()).contains("dropped a row");
        assertThat(second.reused()).isFalse();
        assertThat(List.of(json.toJson(first.result()), json.toJson(second.result()))).isEqualTo(twoReads());
        assertThat(place.folder()).doesNotExist();
    }

    @Test
    @DisplayName("a declared input schema: nothing is shared, each gate reads as alone")
    void declaredSchemaIsNotShared() throws Exception {
        Files.createDirectories(repo.resolve("model"));
        Files.writeString(repo.resolve("model/features.json"), "[\"region\"]\n");
        SharedStatistics.Judged first = validate(place);
        SharedStatistics.Judged second = ethics(place);

        assertThat(first.note()).contains("input schema");
        assertThat(second.reused()).isFalse();
        assertThat(List.of(json.toJson(first.result()), json.toJson(second.result()))).isEqualTo(twoReads());
        assertThat(place.folder()).doesNotExist();
    }

    @Test
    @DisplayName("a folder inside the workspace is never written")
    void folderInsideTheWorkspaceIsRefused() throws Exception {
        SharedStatistics.Place inside = new SharedStatistics.Place(repo.resolve(".tmp/mlgates/job-1"), key(1));
        SharedStatistics.Judged first = validate(inside);

        assertThat(first.note()).contains("not outside the workspace");
        assertThat(repo.resolve(".tmp")).doesNotExist();
    }

    @Test
    @DisplayName("a folder beside the workspace, whose builds' folder would hold the workspace, is never written: a"
            + " build empties the other folders there")
    void workspaceAmongTheBuildsFoldersIsRefused() throws Exception {
        SharedStatistics.Place beside = new SharedStatistics.Place(repo.getParent().resolve("job-1"), key(1));
        List<String> before;
        try (Stream<Path> files = Files.list(repo)) {
            before = files.map(f -> f.getFileName().toString()).sorted().toList();
        }

        SharedStatistics.Judged first = validate(beside);

        assertThat(first.note()).contains("not outside the workspace");
        assertThat(beside.folder()).doesNotExist();
        try (Stream<Path> files = Files.list(repo)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("bounded: a build's folder replaces the earlier builds', and holds at most MAX_FILES files")
    void folderIsBounded() throws Exception {
        validate(place);
        SharedStatistics.Place next = new SharedStatistics.Place(temp.resolve("workspace@tmp/mlgates/job-2"),
                key(2));
        validate(next);
        assertThat(place.folder()).doesNotExist();
        try (Stream<Path> builds = Files.list(next.folder().getParent())) {
            assertThat(builds.map(b -> b.getFileName().toString()).toList()).containsExactly("job-2");
        }

        Files.delete(next.folder().resolve(kept(next)));
        for (int i = 0; i < SharedStatistics.MAX_FILES; i++) {
            Files.writeString(next.folder().resolve("other-" + i), "x");
        }
        SharedStatistics.Judged full = validate(next);
        assertThat(full.note()).contains("holds " + SharedStatistics.MAX_FILES + " files already");
        try (Stream<Path> files = Files.list(next.folder())) {
            assertThat(files.count()).isEqualTo(SharedStatistics.MAX_FILES);
        }
    }

    /** The header line of a kept file, as JSON. */
    private static ObjectNode header(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return (ObjectNode) new ObjectMapper().readTree(text.substring(0, text.indexOf('\n')));
    }

    /** The kept file with its header replaced by {@code header}, the rest (and the old tag) as it was. */
    private static byte[] withHeader(Path file, ObjectNode header) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return (new ObjectMapper().writeValueAsString(header) + text.substring(text.indexOf('\n')))
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The file's identity as the header writes it, in text, from GNU stat(1): device, inode, size, times to the
     * nanosecond.
     */
    private static Map<String, String> statOf(Path file) throws Exception {
        Process stat;
        try {
            stat = new ProcessBuilder("stat", "-L", "-c", "%d %i %s %.9Y %.9Z", file.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("stat(1) is not installed here");
            throw e;
        }
        String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        Assumptions.assumeTrue(stat.waitFor() == 0 && out.matches("\\d+ \\d+ \\d+ \\d+\\.\\d{9} \\d+\\.\\d{9}"),
                "GNU stat(1) with nanosecond times");
        String[] f = out.split(" ");
        return Map.of("device", f[0], "inode", f[1], "size", f[2], "modified", epoch(f[3]).toString(),
                "changed", epoch(f[4]).toString());
    }

    private static Instant epoch(String secondsDotNanos) {
        String[] parts = secondsDotNanos.split("\\.");
        return Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    /**
     * The same rows with every label flipped, written over the file in place (same inode, same size), and its
     * modification time set back to what it was: only the change time tells.
     */
    private void flipLabelsInPlace() throws IOException {
        Path file = repo.resolve("eval/predictions.csv");
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
        Object changedBefore = Files.getAttribute(file, "unix:ctime");
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String flipped = text.lines().map(l -> l.startsWith("0,") ? "1" + l.substring(1)
                : l.startsWith("1,") ? "0" + l.substring(1) : l).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, flipped, StandardCharsets.US_ASCII); // truncates and writes: the same inode
        Files.setLastModifiedTime(file, before.lastModifiedTime());

        BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
        assertThat(flipped).isNotEqualTo(text);
        assertThat(after.fileKey()).as("the same inode").isEqualTo(before.fileKey());
        assertThat(after.size()).isEqualTo(before.size());
        assertThat(after.lastModifiedTime()).isEqualTo(before.lastModifiedTime());
        assertThat(Files.getAttribute(file, "unix:ctime")).as("the change time moved").isNotEqualTo(changedBefore);
    }

    @Test
    @DisplayName("the identity is kept with the statistics (stat(1)'s device, inode, size and times), and the second"
            + " gate, finding it unchanged, judges them without hashing the predictions")
    void unchangedIdentitySparesTheHash() throws Exception {
        SharedStatistics.Judged first = validate(place);
        Map<String, String> stat = statOf(repo.resolve("eval/predictions.csv"));
        SharedStatistics.Judged second = ethics(place);

        assertThat(first.note()).contains("with the file's identity");
        Map<String, String> identity = new HashMap<>();
        header(kept()).get("identity").fields().forEachRemaining(f -> identity.put(f.getKey(), f.getValue().asText()));
        assertThat(identity).isEqualTo(stat);
        assertThat(second.reused()).isTrue();
        assertThat(second.unhashed()).isTrue();
        assertThat(second.note()).contains("the rows were not read again, and the file was not hashed again: its"
                + " identity (device, inode, size, modification and change times) is unchanged since the first gate"
                + " read it");
        assertThat(List.of(json.toJson(first.result()), json.toJson(second.result()))).isEqualTo(twoReads());
    }

    @Test
    @DisplayName("predictions rewritten in place after the first gate, same size, modification time set back: the"
            + " change time moved, so the second gate hashes, finds nothing kept, and judges the new rows")
    void changeInPlaceWithTheTimeSetBackIsSeen() throws Exception {
        ethics(place); // keeps what the validation gate needs, with the identity
        String before = json.toJson(new ValidationGate().evaluate(validation()));
        flipLabelsInPlace();
        SharedStatistics.Judged second = validate(place);

        assertThat(second.reused()).as(second.note()).isFalse();
        assertThat(second.note()).contains("no statistics kept for these predictions");
        assertThat(second.result().status()).as("flipped labels fail the ROC AUC limit").isEqualTo(Status.FAIL);
        assertThat(json.toJson(second.result())).isEqualTo(twoReads().get(0)).isNotEqualTo(before);
    }

    @ParameterizedTest(name = "clock {0} ms past the file''s latest time: identity kept {1}")
    @CsvSource({"-3600000, false", "0, false", "1000, false", "1999, false", "2000, true", "60000, true"})
    @DisplayName("a file whose times lie less than 2 s before the clock, or after it, is kept without its identity,"
            + " and the second gate hashes it")
    void racyFileKeepsNoIdentity(long millis, boolean kept) throws Exception {
        Path predictions = repo.resolve("eval/predictions.csv");
        SharedStatistics.Place at = new SharedStatistics.Place(place.folder(), key(1),
                clockAt(latestTime(predictions).plusMillis(millis)));
        SharedStatistics.Judged first = validate(at);
        SharedStatistics.Judged second = ethics(at);

        assertThat(header(kept()).has("identity")).isEqualTo(kept);
        assertThat(first.note()).contains(kept ? "with the file's identity" : "not its identity");
        assertThat(second.reused()).as(second.note()).isTrue();
        assertThat(second.unhashed()).as(second.note()).isEqualTo(kept);
        assertThat(List.of(json.toJson(first.result()), json.toJson(second.result()))).isEqualTo(twoReads());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"device", "inode", "size", "modified", "changed"})
    @DisplayName("a kept identity that differs from the file's in one part, even tagged with the build's key, is not"
            + " taken: the second gate hashes")
    void identityDifferingInOnePartIsNotTaken(String part) throws Exception {
        validate(place);
        ObjectNode header = header(kept());
        ObjectNode identity = (ObjectNode) header.get("identity");
        JsonNode value = identity.get(part);
        if (value.isNumber()) {
            identity.put(part, value.longValue() + 1);
        } else {
            identity.put(part, Instant.parse(value.textValue()).plusNanos(1).toString());
        }
        Files.write(kept(), retagged(withHeader(kept(), header), key(1)));
        SharedStatistics.Judged second = ethics(place);

        assertThat(second.reused()).as(second.note()).isTrue();
        assertThat(second.unhashed()).as(second.note()).isFalse();
        assertThat(json.toJson(second.result())).isEqualTo(twoReads().get(1));
    }

    /**
     * The statistics kept for the first rows, their header's identity made the one of the rows changed in place since:
     * the tag is what keeps such a file from being judged for the new rows.
     */
    private byte[] identityMovedToTheChangedFile() throws Exception {
        ethics(place);
        flipLabelsInPlace();
        Map<String, String> now = statOf(repo.resolve("eval/predictions.csv"));
        ObjectNode header = header(kept());
        ObjectNode identity = (ObjectNode) header.get("identity");
        now.forEach((name, value) -> identity.put(name, value));
        for (String number : List.of("device", "inode", "size")) {
            identity.put(number, Long.parseLong(now.get(number)));
        }
        return withHeader(kept(), header);
    }

    @Test
    @DisplayName("a kept file whose identity was altered to the changed file's fails its tag: it is ignored, and the"
            + " new rows are judged")
    void alteredIdentityFailsTheTag() throws Exception {
        byte[] altered = identityMovedToTheChangedFile();
        Files.write(kept(), altered);
        SharedStatistics.Judged second = validate(place);

        assertThat(second.reused()).as(second.note()).isFalse();
        assertThat(second.result().status()).isEqualTo(Status.FAIL);
        assertThat(json.toJson(second.result())).isEqualTo(twoReads().get(0));
    }

    @Test
    @DisplayName("the same alteration retagged with the build's key would be judged without a hash: the tag is what"
            + " keeps it out")
    void alteredIdentityRetaggedIsJudged() throws Exception {
        byte[] altered = identityMovedToTheChangedFile();
        Files.write(kept(), retagged(altered, key(1)));
        SharedStatistics.Judged second = validate(place);

        assertThat(second.unhashed()).as(second.note()).isTrue();
        assertThat(second.result().status()).isNotEqualTo(Status.FAIL);
    }

    private static Path kept(SharedStatistics.Place at) throws IOException {
        try (Stream<Path> files = Files.list(at.folder())) {
            return files.findFirst().orElseThrow().getFileName();
        }
    }
}
