package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.plugin.logic.ResultSummary;
import io.mlgates.plugin.logic.Results;
import io.mlgates.plugin.logic.attest.Attestations;
import io.mlgates.plugin.logic.attest.KeptAttestation;
import io.mlgates.plugin.logic.attest.SignedEnvelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A result on the build page: small in build.xml, the full result read from its own file when asked for. */
class GateResultActionTest {
    @TempDir
    Path buildDir;

    private final GateResult result = Results.everyStatus("credit-risk", 2);
    private final GateResultAction action =
            new GateResultAction(ResultSummary.of("churn", result, 0, List.of("out/churn/validate.json")));

    private void writeFullResult() throws Exception {
        Path file = GateResultAction.resultFile(buildDir.toFile(), "churn");
        Files.createDirectories(file.getParent());
        Files.writeString(file, new GateResultJson().toJson(result));
    }

    @Test
    void isReachedUnderTheBuildsMlgatesPathAndShownInTheSidePanel() {
        assertThat(action.getUrlName()).isEqualTo("mlgates/churn");
        assertThat(action.getDisplayName()).isEqualTo("ML gate: churn");
        assertThat(action.getIconFileName()).isEqualTo("symbol-ml-gates plugin-ml-gates");
        assertThat(GateResultAction.resultFile(buildDir.toFile(), "churn"))
                .isEqualTo(buildDir.resolve("mlgates/churn.json"));
    }

    @Test
    void summarisesWithoutReadingTheFullResult() {
        assertThat(action.getStatus()).isEqualTo("ERROR");
        assertThat(action.getBadge()).isEqualTo("mlgates-error");
        assertThat(action.getCounts()).containsEntry("FAIL", 1L);
        assertThat(action.getWorstChecks()).hasSize(3);
        assertThat(action.getModel()).isEqualTo("credit-risk");
    }

    @Test
    void readsEveryCheckAndMetricFromTheFileBesideBuildXml() throws Exception {
        writeFullResult();
        action.locate(buildDir.toFile());

        assertThat(action.getLoadProblem()).isNull();
        assertThat(action.getChecks()).extracting(CheckRow::getId).hasSize(7).contains("limit:recall:min");
        assertThat(action.getMetrics()).extracting(MetricRow::getName).containsExactly("accuracy", "recall",
                "roc_auc");
        assertThat(action.getDataText()).isEqualTo("eval/predictions.csv: 20 rows");
    }

    @Test
    void saysSoWhenTheFullResultIsMissing() {
        action.locate(buildDir.toFile());

        assertThat(action.getChecks()).isEmpty();
        assertThat(action.getLoadProblem()).isEqualTo("The full result, mlgates/churn.json beside build.xml, is"
                + " missing.");
    }

    @Test
    void showsNoPathOfTheControllerWhenTheFileCannotBeRead() throws Exception {
        // A folder where the file should be: the I/O error's message names the absolute path.
        Files.createDirectories(GateResultAction.resultFile(buildDir.toFile(), "churn"));
        action.locate(buildDir.toFile());

        assertThat(action.getLoadProblem()).isEqualTo("The full result, mlgates/churn.json beside build.xml, cannot"
                + " be read; the controller's log says why.").doesNotContain(buildDir.toString());
    }

    @Test
    void namesTheLineOfAStoredResultThatIsNotAResult() throws Exception {
        Path file = GateResultAction.resultFile(buildDir.toFile(), "churn");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\n  \"gate\": ");
        action.locate(buildDir.toFile());

        assertThat(action.getLoadProblem()).startsWith("The full result, mlgates/churn.json beside build.xml, cannot"
                + " be read: mlgates/churn.json:").doesNotContain(buildDir.toString());
    }

    @Test
    void handsHostileTextToTheViewsUnchangedForJellyToEscapeOnce() throws Exception {
        GateResult hostile = Results.of(Results.HOSTILE, List.of(
                Results.sliceCheck("group=" + Results.HOSTILE, io.mlgates.core.gate.Status.FAIL)));
        GateResultAction a = new GateResultAction(ResultSummary.of("h", hostile, 0, List.of()));
        Path file = GateResultAction.resultFile(buildDir.toFile(), "h");
        Files.createDirectories(file.getParent());
        Files.writeString(file, new GateResultJson().toJson(hostile));
        a.locate(buildDir.toFile());

        // Neither escaped here (it would show as &amp;lt; once Jelly escapes it) nor altered: ViewsTest makes sure
        // every view escapes by default and writes nothing unescaped.
        assertThat(a.getModel()).isEqualTo(Results.HOSTILE);
        assertThat(a.getWorstChecks().get(0).getId()).isEqualTo("slice:group=" + Results.HOSTILE + ":recall:min");
        assertThat(a.getChecks().get(0).getSlice()).isEqualTo("group=" + Results.HOSTILE);
    }

    @Test
    void keepsOnlyItsSummaryInBuildXml() throws Exception {
        writeFullResult();
        action.locate(buildDir.toFile());
        action.getChecks();
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.mlgates.plugin.**"});

        String xml = xstream.toXML(action);
        GateResultAction back = (GateResultAction) xstream.fromXML(xml);

        assertThat(xml).contains("<summary>").doesNotContain("limit:recall:min\n").doesNotContain("buildDir")
                .hasSizeLessThan(4000);
        assertThat(back.getSummary()).usingRecursiveComparison().isEqualTo(action.getSummary());
        back.locate(buildDir.toFile());
        assertThat(back.getChecks()).hasSize(7);
    }

    @Test
    void aSignedResultNamesItsKeyInBuildXmlAndServesItsKeptEnvelope() throws Exception {
        writeFullResult();
        KeptAttestation kept = Attestations.write(Attestations.ofResult(buildDir, "churn"),
                new SignedEnvelope("{\"payloadType\":\"application/vnd.in-toto+json\"}", "SHA256:abc"));
        GateResultAction signed = new GateResultAction(action.getSummary(), kept);
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.mlgates.plugin.**"});

        GateResultAction back = (GateResultAction) xstream.fromXML(xstream.toXML(signed));
        back.locate(buildDir.toFile());
        AttestationDownloadTest.Answer answer = new AttestationDownloadTest.Answer();
        back.doAttestation(null, answer.response());

        assertThat(back.getAttestation()).isEqualTo(kept);
        assertThat(back.getSignedBy()).isEqualTo("SHA256:abc");
        assertThat(new ResultApi(back).getSignedBy()).isEqualTo("SHA256:abc");
        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.headers).containsEntry("Content-Disposition", "attachment; filename=\"churn.intoto.jsonl\"");
    }

    @Test
    void anUnsignedResultOrOneKeptBeforeSigningExistedClaimsNoSignature() throws Exception {
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.mlgates.plugin.**"});
        // an unsigned result's build.xml is the one of a result kept before attestations existed
        String xml = xstream.toXML(action);
        assertThat(xml).doesNotContain("attestation");
        GateResultAction old = (GateResultAction) xstream.fromXML(xml);
        old.locate(buildDir.toFile());
        AttestationDownloadTest.Answer answer = new AttestationDownloadTest.Answer();

        old.doAttestation(null, answer.response());

        assertThat(old.getAttestation()).isNull();
        assertThat(old.getSignedBy()).isNull();
        assertThat(answer.status).isEqualTo(404);
        assertThat(answer.message).isEqualTo("the result churn is not signed: no signing key was set in Manage"
                + " Jenkins when it was kept");
    }
}
