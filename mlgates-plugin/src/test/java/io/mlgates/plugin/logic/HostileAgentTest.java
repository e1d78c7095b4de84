package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.plugin.logic.attest.SignedEnvelope;
import io.mlgates.plugin.logic.attest.Signing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent is outside Jenkins' trust boundary: whatever it answers, the controller writes only into the build's
 * {@code mlgates/} folder and the job's trend index, under names it made itself, and keeps nothing unbounded.
 */
class HostileAgentTest {
    private static final String HOSTILE_ID = "../../x";
    private static final String TEN_MB = "m".repeat(10 * 1024 * 1024);
    private static final String NON_ASCII_METRIC = "précision_α_😀";

    @TempDir
    Path jenkinsHome;

    private final Fakes.Log log = new Fakes.Log();

    /** A build as {@code JenkinsBuild} keeps one: {@link StoredResults} in its folder, the trend in the job's. */
    private static final class FolderBuild implements GateBuild {
        final Path builds;
        final Path build;
        ResultSummary attached;

        FolderBuild(Path jenkinsHome) {
            builds = jenkinsHome.resolve("jobs/credit-risk/builds");
            build = builds.resolve("42");
        }

        @Override
        public String reserveId(String wanted) {
            return wanted;
        }

        @Override
        public void attach(ResultSummary summary, String json, Optional<SignedEnvelope> attestation)
                throws IOException {
            StoredResults.write(build, summary.getId(), json);
            attached = summary;
        }

        @Override
        public void keepPolicy(String id, String text) throws IOException {
            StoredResults.writePolicy(build, id, text);
        }

        @Override
        public void publishCheck(GateCheck check) {
            // nothing to write
        }

        @Override
        public String resultUrl(String id) {
            return "job/credit-risk/42/mlgates/" + id + "/";
        }

        @Override
        public void addToTrend(ResultSummary summary) throws IOException {
            TrendIndex.in(builds).append(42, summary);
        }

        @Override
        public void mark(Mark mark, boolean wholeBuild, String message) {
            // nothing to write
        }
    }

    private FolderBuild build;

    @BeforeEach
    void build() {
        build = new FolderBuild(jenkinsHome);
    }

    /** An agent that answers {@code reply}, whatever it was asked. */
    private Completion callAnswering(GateRun reply) throws Exception {
        GateWorkspace agent = (task, id, resultsDir) -> {
            try {
                return Serialization.roundTrip(reply);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        };
        return new GateCall("mlValidate", new ValidateTask(null, null, null), StepOptions.defaults(),
                Signing.none())
                .run(agent, build, log);
    }

    private static GateResult result(String model, String checkId, String metric, String message) {
        CheckResult check = new CheckResult(checkId, Status.WARN, Optional.of(metric), OptionalDouble.of(0.7),
                Optional.empty(), Optional.empty(), OptionalDouble.empty(), Optional.empty(), message);
        return Results.of(model, List.of(check));
    }

    private static GateRun reply(GateResult result, List<String> files) {
        return GateRun.verdict(new GateResultJson().toJson(result), 0, ResultSummary.countsOf(result), files);
    }

    private List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void hostileNamesInTheReplyNameNoFileAndAreKeptBounded() throws Exception {
        String longMessage = "n".repeat(400_000);
        GateResult hostile = result(HOSTILE_ID, HOSTILE_ID, NON_ASCII_METRIC, longMessage);

        Completion done = callAnswering(reply(hostile, List.of(HOSTILE_ID, HOSTILE_ID + "/" + TEN_MB.substring(0, 5000))));

        assertThat(done.failed()).as(done.failure()).isFalse();
        // Only the controller's own names: the id it reserved, in the build's mlgates/ folder, and the trend index.
        assertThat(filesUnder(jenkinsHome)).containsExactly(Path.of("jobs/credit-risk/builds/42/mlgates/validate.json"),
                Path.of("jobs/credit-risk/builds/mlgates-trend.jsonl"));
        ResultSummary kept = build.attached;
        assertThat(kept.getId()).isEqualTo("validate");
        assertThat(kept.getWorstChecks()).singleElement().satisfies(c -> {
            assertThat(c.getId()).isEqualTo(HOSTILE_ID);
            assertThat(c.getMessage()).hasSizeLessThan(Bounds.MESSAGE + 40);
        });
        assertThat(kept.getFiles()).allSatisfy(f -> assertThat(f).hasSizeLessThan(Bounds.NAME + 40));
        assertThat(new XStream().toXML(kept)).as("what build.xml keeps").hasSizeLessThan(10_000);
        // The non-ASCII metric survives the trip into the trend index and back.
        assertThat(kept.getJudgedMetrics()).containsOnlyKeys(NON_ASCII_METRIC);
        assertThat(TrendIndex.in(build.builds).recent(10)).singleElement()
                .satisfies(e -> assertThat(e.getMetrics()).containsOnlyKeys(NON_ASCII_METRIC));
        // The digest is of the bytes stored, computed here.
        byte[] stored = Files.readAllBytes(build.build.resolve("mlgates/validate.json"));
        assertThat(kept.getResultDigest()).isEqualTo(ResultSummary.digest(new String(stored, StandardCharsets.UTF_8)))
                .startsWith("sha256:");
        assertThat(log.lines).allSatisfy(line -> assertThat(line).hasSizeLessThan(Bounds.MESSAGE + 100));
    }

    @Test
    void aTenMegabyteResultIsRefusedAndNothingIsWritten() throws Exception {
        GateResult huge = result("m", "limit:accuracy:min", "accuracy", TEN_MB);

        Completion done = callAnswering(reply(huge, List.of()));

        assertThat(done.failed()).isTrue();
        assertThat(done.failure()).contains("more than the " + AgentRun.MAX_RESULT_CHARS).hasSizeLessThan(500);
        assertThat(filesUnder(jenkinsHome)).isEmpty();
        assertThat(build.attached).isNull();
    }

    @Test
    void aTenMegabyteReasonForNoVerdictIsCut() throws Exception {
        Completion done = callAnswering(GateRun.badInput(TEN_MB));

        assertThat(done.failed()).isTrue();
        assertThat(done.failure()).hasSizeLessThan(Bounds.MESSAGE + 100).endsWith("more characters)");
        assertThat(filesUnder(jenkinsHome)).isEmpty();
    }

    @Test
    void countsThatDoNotAddUpWithTheSentChecksAreRefused() throws Exception {
        GateResult warn = result("m", "limit:accuracy:min", "accuracy", "low");
        Map<String, Long> claimed = new java.util.LinkedHashMap<>(ResultSummary.countsOf(warn));
        claimed.put("WARN", 0L);
        claimed.put("PASS", 1L);

        Completion done = callAnswering(GateRun.verdict(new GateResultJson().toJson(warn), 0, claimed, List.of()));

        assertThat(done.failed()).isTrue();
        assertThat(done.failure()).contains("the agent's result cannot be kept", "WARN");
        assertThat(filesUnder(jenkinsHome)).isEmpty();
    }

    @Test
    void aPolicyFileOtherThanTheOneTheResultNamesIsRefused() throws Exception {
        GateResult pass = result("m", "limit:accuracy:min", "accuracy", "fine");

        Completion done = callAnswering(reply(pass, List.of()).withPolicy("promotion:\n  fourEyes: false\n"));

        assertThat(done.failed()).isTrue();
        assertThat(done.failure()).contains("policy file whose digest");
        assertThat(filesUnder(jenkinsHome)).isEmpty();
    }

    @Test
    void aResultOfAnotherGateIsRefused() throws Exception {
        GateResult validate = result("m", "limit:accuracy:min", "accuracy", "low");
        String json = new GateResultJson().toJson(validate);
        String ethics = json.replace("\"gate\" : \"validate\"", "\"gate\" : \"ethics\"");
        assertThat(ethics).isNotEqualTo(json);

        Completion done = callAnswering(GateRun.verdict(ethics, 0, ResultSummary.countsOf(validate), List.of()));

        assertThat(done.failed()).isTrue();
        assertThat(done.failure()).contains("'ethics' gate for the validate gate");
    }

    @Test
    void theStoreRefusesAnIdThatWouldNameAFileElsewhere() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> StoredResults.file(build.build, HOSTILE_ID)).withMessageContaining("must be");
    }
}
