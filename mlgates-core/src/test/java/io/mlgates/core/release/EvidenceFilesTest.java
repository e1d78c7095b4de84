package io.mlgates.core.release;

import static io.mlgates.core.release.ReleaseFixtures.digest;
import static io.mlgates.core.release.ReleaseFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Status;
import io.mlgates.core.report.GateResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which result of a gate is the candidate's evidence, among a results folder, its subfolders and other folders. */
class EvidenceFilesTest {
    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
    private static final List<String> GATES = List.of("validate", "ethics");

    @TempDir
    Path tmp;

    private void write(Path file, GateResult result) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, new GateResultJson().toJson(result));
    }

    @Test
    @DisplayName("a result directly in the folder, one in a subfolder per call (<id>/), one in another folder")
    void foundInTheFolderItsSubfoldersAndOtherFolders() throws Exception {
        Path results = tmp.resolve("results");
        write(results.resolve("credit/validate.json"), result("validate", Status.PASS, digest(1), T));
        write(tmp.resolve("elsewhere/ethics.json"), result("ethics", Status.WARN, digest(1), T));

        Map<String, GateResult> found = EvidenceFiles.read(List.of(new EvidenceFiles.Folder(results, "results"),
                new EvidenceFiles.Folder(tmp.resolve("elsewhere"), "elsewhere")), GATES, digest(1));

        assertThat(found).containsOnlyKeys("validate", "ethics");
        assertThat(found.get("ethics").status()).isEqualTo(Status.WARN);
        assertThat(EvidenceFiles.read(List.of(new EvidenceFiles.Folder(results, "results")), GATES, digest(1)))
                .containsOnlyKeys("validate");
        assertThat(EvidenceFiles.read(List.of(new EvidenceFiles.Folder(tmp.resolve("none"), "none")), GATES,
                digest(1))).isEmpty();
    }

    @Test
    @DisplayName("readAll gives every result whatever candidate it judged, with the id of its call: the subfolder,"
            + " or the gate's name directly in the folder")
    void everyResultWithItsId() throws Exception {
        Path results = tmp.resolve("results");
        write(results.resolve("validate.json"), result("validate", Status.PASS, digest(1), T));
        write(results.resolve("credit/validate.json"), result("validate", Status.WARN, digest(2), T));
        write(results.resolve("credit/ethics.json"), result("ethics", Status.FAIL, digest(2), T));

        List<EvidenceFiles.Found> found = EvidenceFiles.readAll(List.of(new EvidenceFiles.Folder(results,
                ".mlgates/results")), GATES);

        assertThat(found).extracting(EvidenceFiles.Found::id, EvidenceFiles.Found::shown, f -> f.result().status())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("validate", ".mlgates/results/validate.json", Status.PASS),
                        org.assertj.core.groups.Tuple.tuple("credit", ".mlgates/results/credit/validate.json",
                                Status.WARN),
                        org.assertj.core.groups.Tuple.tuple("credit", ".mlgates/results/credit/ethics.json",
                                Status.FAIL));
    }

    @Test
    @DisplayName("of two results of a gate for the candidate the worst stands; another candidate's results are not"
            + " its evidence, unless there is nothing else, so that the refusal names the digest they judged")
    void theWorstOfTheCandidatesResultsStands() {
        GateResult pass = result("validate", Status.PASS, digest(1), T.plusSeconds(60));
        GateResult fail = result("validate", Status.FAIL, digest(1), T);
        GateResult otherFail = result("validate", Status.ERROR, digest(2), T.plusSeconds(120));
        assertThat(EvidenceFiles.choose(List.of(pass, fail, otherFail), GATES, digest(1)))
                .containsExactly(Map.entry("validate", fail));
        assertThat(EvidenceFiles.choose(List.of(otherFail, pass), GATES, digest(1)))
                .containsExactly(Map.entry("validate", pass));
        GateResult newerWarn = result("validate", Status.WARN, digest(1), T.plusSeconds(5));
        GateResult olderWarn = result("validate", Status.WARN, digest(1), T);
        assertThat(EvidenceFiles.choose(List.of(olderWarn, newerWarn), GATES, digest(1)))
                .containsExactly(Map.entry("validate", newerWarn));
        assertThat(EvidenceFiles.choose(List.of(otherFail), GATES, digest(1)))
                .containsExactly(Map.entry("validate", otherFail));
    }

    @Test
    @DisplayName("a file in a subfolder that holds another gate's result is bad input, named by its path")
    void aMisnamedFileInASubfolderIsBadInput() throws Exception {
        Path results = tmp.resolve("results");
        write(results.resolve("credit/validate.json"), result("ethics", Status.PASS, digest(1), T));
        assertThatThrownBy(() -> EvidenceFiles.read(List.of(new EvidenceFiles.Folder(results, ".mlgates/results")),
                GATES, digest(1))).isInstanceOf(BadInputException.class)
                .hasMessageContaining(".mlgates/results/credit/validate.json")
                .hasMessageContaining("holds the result of gate 'ethics', not of 'validate'");
    }
}
