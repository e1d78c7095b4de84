package io.mlgates.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.policy.Column;
import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.policy.FileFormat;
import io.mlgates.core.policy.InvalidRows;
import io.mlgates.core.policy.PredictionSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Messages about a prediction file that say what to change, and never suggest a drop that would hide the problem. */
class MessagesThatSayTheFixTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("p.csv"), content, StandardCharsets.UTF_8);
    }

    private static PredictionSource source(String positive, List<String> classes, InvalidRows invalid) {
        PredictionSource d = PredictionSource.defaults();
        return new PredictionSource(d.path(), FileFormat.AUTO, ',', d.label(), d.score(), d.prediction(), d.weight(),
                positive, classes, 0.5, invalid, PredictionSource.DEFAULT_MAX_DROPPED_SHARE);
    }

    /** Reads every row; the reader is returned for its counts. */
    private static PredictionReader readAll(Path p, PredictionSource source, TaskType task) throws BadInputException {
        PredictionReader r = PredictionReader.open(p, "p.csv", source, task, List.of(), ProgressListener.NONE);
        while (r.next()) {
            // counting only
        }
        return r;
    }

    @ParameterizedTest(name = "invalidRows: {0}")
    @EnumSource(InvalidRows.class)
    @DisplayName("yes/no labels under the default positive class name the labels and the line to add, drop or not")
    void labelsWithoutThePositiveClass(InvalidRows invalid) throws Exception {
        Path p = file("label,score\nyes,0.9\nno,0.2\nno,0.1\nyes,0.7\n");
        assertThatThrownBy(() -> readAll(p, source("1", List.of(), invalid), TaskType.BINARY))
                .isInstanceOf(BadInputException.class)
                .hasMessage("p.csv: column 'label': the labels found are 'yes', 'no', and none is the positive class"
                        + " '1' (predictions.positive, by default 1); a binary model needs to know which label is the"
                        + " positive class.\nIf 'yes' is the positive class, add to the policy:\n"
                        + "predictions:\n  positive: yes")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("invalidRows"));
    }

    @Test
    @DisplayName("a label YAML would read as a boolean is quoted in the line to add; with declared classes, they too")
    void suggestedLabelsReadBackAsWritten() throws Exception {
        Path p = file("label,score\nFalse,0.2\nTrue,0.9\n");
        assertThatThrownBy(() -> readAll(p, source("1", List.of(), InvalidRows.ERROR), TaskType.BINARY))
                .hasMessageEndingWith("predictions:\n  positive: \"True\"");
        assertThatThrownBy(() -> readAll(p, source("1", List.of("0", "1"), InvalidRows.DROP), TaskType.BINARY))
                .hasMessageContaining("the labels found are 'False', 'True', and none is the positive class '1'")
                .hasMessageEndingWith("predictions:\n  positive: \"True\"\n  classes: [\"False\", \"True\"]");
        Path q = file("label,score\ncat,0.2\ndog,0.9\n");
        assertThatThrownBy(() -> readAll(q, source("1", List.of(), InvalidRows.ERROR), TaskType.BINARY))
                .hasMessageContaining("Name the positive class (one of the labels found) in the policy, for"
                        + " example:\npredictions:\n  positive: cat");
    }

    @Test
    @DisplayName("a label outside the classes is a bad row when the file has the positive class or a declared one")
    void aStrayLabelIsARowProblem() throws Exception {
        Path p = file("label,score\n0,0.2\n1,0.9\nmaybe,0.5\n0,0.1\n");
        assertThatThrownBy(() -> readAll(p, source("1", List.of(), InvalidRows.ERROR), TaskType.BINARY))
                .hasMessage("p.csv:4: column 'label': label 'maybe' would be class 3 but a binary model has two"
                        + " (1, 0); declare predictions.classes or set task: multiclass (1 of 4 rows have a problem;"
                        + " set predictions.invalidRows: drop to drop and count them)");
        Path q = file("label,score\ngood,0.1\nBAD,0.9\n");
        assertThatThrownBy(() -> readAll(q, source("bad", List.of("good", "bad"), InvalidRows.ERROR),
                TaskType.BINARY)).hasMessageStartingWith(
                "p.csv:3: column 'label': label 'BAD' is not one of the declared classes (good, bad)");
    }

    @Test
    @DisplayName("scores on a 0-100 scale are told once for the file, with the scale, whether rows are dropped or not")
    void percentScores() throws Exception {
        Path p = file("label,score\n1,93\n0,12\n0,1\n1,0\n0,57.5\n");
        String expected = "p.csv: column 'score': 3 scores lie outside [0, 1] (from 0 to 93) and none strictly"
                + " between 0 and 1, so the column holds no probability; expected the probability of the positive"
                + " class. The scores look like percentages (a 0-100 scale): divide them by 100 (73 becomes 0.73).";
        for (InvalidRows invalid : InvalidRows.values()) {
            assertThatThrownBy(() -> readAll(p, source("1", List.of(), invalid), TaskType.BINARY))
                    .hasMessage(expected);
        }
    }

    @Test
    @DisplayName("scores below 0 everywhere read as log-odds; a few bad scores are bad rows, with their count")
    void otherScales() throws Exception {
        Path logits = file("label,score\n1,2.5\n0,-1.25\n");
        assertThatThrownBy(() -> readAll(logits, source("1", List.of(), InvalidRows.ERROR), TaskType.BINARY))
                .hasMessageContaining("2 scores lie outside [0, 1] (from -1.25 to 2.5)")
                .hasMessageContaining("look like log-odds or a decision function");
        Path few = file("label,score\n1,0.9\n0,1.5\n0,0.1\n1,0.8\n");
        assertThatThrownBy(() -> readAll(few, source("1", List.of(), InvalidRows.ERROR), TaskType.BINARY))
                .hasMessage("p.csv:3: column 'score': score 1.5 is outside [0, 1]; expected the probability of the"
                        + " positive class (1 of 4 rows have a problem; with predictions.invalidRows: drop, each counts"
                        + " against the model)");
    }

    @Test
    @DisplayName("a problem in every row suggests no drop: dropping would leave nothing to judge")
    void noDropForEveryRow() throws Exception {
        Path p = file("label,score,weight\n1,0.9,-1\n0,0.2,-2\n");
        assertThatThrownBy(() -> readAll(p, source("1", List.of(), InvalidRows.ERROR), TaskType.BINARY))
                .hasMessage("p.csv:2: column 'weight': weight -1 is negative; expected a weight of 0 or more (no row"
                        + " of the file can be read: all 2 rows have a problem; fix the file or the policy, as"
                        + " dropping would leave nothing to judge)");
    }

    @Test
    @DisplayName("a drop that removes every row of a class says which class it emptied")
    void dropEmptyingAClass() throws Exception {
        Path p = file("label,score,weight\n1,0.9,x\n0,0.2,1\n1,0.8,-1\n0,0.3,1\n");
        try (PredictionReader r = readAll(p, source("1", List.of(), InvalidRows.DROP), TaskType.BINARY)) {
            assertThat(r.rowsDropped()).isEqualTo(2);
            assertThat(r.classesEmptiedByDrop()).containsExactly("1");
        }
        Path kept = file("label,score,weight\n1,0.9,x\n0,0.2,1\n1,0.8,1\n");
        try (PredictionReader r = readAll(kept, source("1", List.of(), InvalidRows.DROP), TaskType.BINARY)) {
            assertThat(r.rowsDropped()).isEqualTo(1);
            assertThat(r.classesEmptiedByDrop()).isEmpty();
        }
    }

    @Test
    @DisplayName("y_true and y_prob: one message with both mappings, as policy lines and as options")
    void everyMissingColumnAtOnce() throws Exception {
        Path p = file("id,y_true,y_prob\n7,1,0.9\n");
        assertThatThrownBy(() -> PredictionReader.open(p, "p.csv", PredictionSource.defaults(), TaskType.BINARY,
                List.of(), ProgressListener.NONE)).hasMessage("p.csv:1: no columns 'label' for the true label;"
                + " 'score' or 'prediction' for the model's answer (a binary model needs a score or a predicted class)."
                + " The file has: id, y_true, y_prob\nTo read it, add to the policy:\n"
                + "predictions:\n  columns:\n    label: y_true\n    score: y_prob\n"
                + "(or on the command line: --label-column y_true --score-column y_prob)");
    }

    @Test
    @DisplayName("the usual names map each role, a slice is listed, and a role nothing looks like is named")
    void usualNamesAndUnguessed() throws Exception {
        Path p = file("Target,proba,y_pred,sample_weight\n1,0.9,1,2\n");
        PredictionSource d = PredictionSource.defaults();
        PredictionSource named = new PredictionSource(d.path(), FileFormat.AUTO, ',', d.label(), d.score(),
                d.prediction(), Column.named("w"), "1", List.of(), 0.5, InvalidRows.ERROR, 0.01);
        assertThatThrownBy(() -> PredictionReader.open(p, "p.csv", named, TaskType.BINARY, List.of("sex"),
                ProgressListener.NONE)).hasMessage("p.csv:1: no columns 'label' for the true label; 'score' or"
                + " 'prediction' for the model's answer (a binary model needs a score or a predicted class); 'w' for"
                + " a sample weight; 'sex' for a slice. The file has: Target, proba, y_pred, sample_weight\n"
                + "To read it, add to the policy:\npredictions:\n  columns:\n    label: Target\n    score: proba\n"
                + "    prediction: y_pred\n    weight: sample_weight\n(or on the command line: --label-column Target"
                + " --score-column proba --prediction-column y_pred --weight-column sample_weight)");
        Path q = file("a,b\n1,2\n");
        assertThatThrownBy(() -> PredictionReader.open(q, "p.csv", PredictionSource.defaults(), TaskType.REGRESSION,
                List.of(), ProgressListener.NONE)).hasMessage("p.csv:1: no columns 'label' for the true label;"
                + " 'prediction' for the model's prediction. The file has: a, b\n"
                + "no column looks like the true label: name it under predictions.columns.label\n"
                + "no column looks like the model's prediction: name it under predictions.columns.prediction");
    }

    @Test
    @DisplayName("many missing slice columns make a message of bounded size")
    void manyMissingSlices() throws Exception {
        Path p = file("label,score\n1,0.9\n");
        List<String> slices = java.util.stream.IntStream.range(0, 500).mapToObj(i -> "s" + "x".repeat(100) + i)
                .toList();
        assertThatThrownBy(() -> PredictionReader.open(p, "p.csv", PredictionSource.defaults(), TaskType.BINARY,
                slices, ProgressListener.NONE)).hasMessageContaining("and 490 more slice columns")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1_500));
    }

    @Test
    @DisplayName("a semicolon or tab header suggests predictions.delimiter, with the mapping the split header needs")
    void otherDelimiters() throws Exception {
        Path semicolon = file("label;score\n1;0.9\n");
        assertThatThrownBy(() -> PredictionReader.open(semicolon, "p.csv", PredictionSource.defaults(),
                TaskType.BINARY, List.of(), ProgressListener.NONE)).hasMessage("p.csv:1: no columns 'label' for the"
                + " true label; 'score' or 'prediction' for the model's answer (a binary model needs a score or a"
                + " predicted class). The file has: label;score\nThe header is one column holding ';': the file looks"
                + " semicolon-separated, while the policy reads it with ',' (predictions.delimiter).\n"
                + "To read it, add to the policy:\npredictions:\n  delimiter: \";\"");
        Path tab = file("y_true\ty_prob\n1\t0.9\n");
        assertThatThrownBy(() -> PredictionReader.open(tab, "p.csv", PredictionSource.defaults(),
                TaskType.BINARY, List.of(), ProgressListener.NONE)).hasMessageEndingWith("the file looks"
                + " tab-separated, while the policy reads it with ',' (predictions.delimiter).\n"
                + "To read it, add to the policy:\npredictions:\n  delimiter: \"\\t\"\n  columns:\n"
                + "    label: y_true\n    score: y_prob");
    }

    @Test
    @DisplayName("the suggested delimiter, pasted, reads the file: the policy's YAML gives a tab for \"\\t\"")
    void suggestedDelimiterReads() throws Exception {
        Path tab = file("label\tscore\n1\t0.9\n0\t0.2\n");
        PredictionSource d = PredictionSource.defaults();
        PredictionSource tabbed = new PredictionSource(d.path(), FileFormat.AUTO, '\t', d.label(), d.score(),
                d.prediction(), d.weight(), "1", List.of(), 0.5, InvalidRows.ERROR, 0.01);
        try (PredictionReader r = readAll(tab, tabbed, TaskType.BINARY)) {
            assertThat(r.rowsRead()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("an unclosed quote at line 3 of a 5-line file is reported at line 3, where the quoted field opens")
    void unclosedQuoteShortFile() throws Exception {
        Path p = file("label,score\n1,0.9\n0,\"0.2\n1,0.7\n0,0.1\n");
        assertThatThrownBy(() -> readAll(p, PredictionSource.defaults(), TaskType.BINARY))
                .isInstanceOf(BadInputException.class)
                .hasMessage("p.csv:3:3: unclosed quote: the quoted field that opens here has no closing quote before"
                        + " the end of the file; expected a closing \" (a quote inside a quoted field is written"
                        + " twice: \"\")")
                .satisfies(e -> assertThat(((BadInputException) e).line()).isEqualTo(3));
    }

    @Test
    @DisplayName("an unclosed quote at line 12 of a 100,001-line file is reported at line 12")
    void unclosedQuoteLongFile() throws Exception {
        Path p = dir.resolve("long.csv");
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("label,score\n");
            for (int line = 2; line <= 100_001; line++) {
                w.write(line == 12 ? "\"1,0.5\n" : (line % 2 == 0 ? "1,0.75\n" : "0,0.25\n"));
            }
        }
        assertThat(Files.readAllLines(p)).hasSize(100_001);
        assertThatThrownBy(() -> readAll(p, PredictionSource.defaults(), TaskType.BINARY))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("p.csv:12:1: unclosed quote");
    }

    @Test
    @DisplayName("columns chosen by the caller replace the policy's and are told as overrides where they differ")
    void columnChoice() {
        PredictionSource policy = PredictionSource.defaults();
        ColumnChoice chosen = new ColumnChoice(Optional.of("y_true"), Optional.of("score"), Optional.empty(),
                Optional.of("w"));
        PredictionSource applied = chosen.applyTo(policy);
        assertThat(applied.label()).isEqualTo(Column.named("y_true"));
        assertThat(applied.score()).isEqualTo(Column.named("score"));
        assertThat(applied.prediction()).isEqualTo(policy.prediction());
        assertThat(applied.weight()).isEqualTo(Column.named("w"));
        assertThat(chosen.overridesOf(policy)).containsExactly(Map.entry("columns.label", "y_true"),
                Map.entry("columns.weight", "w"));
        assertThat(ColumnChoice.none().applyTo(policy)).isEqualTo(policy);
        assertThatThrownBy(() -> new ColumnChoice(Optional.of(""), Optional.empty(), Optional.empty(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a value goes into a policy line as YAML that reads back as the same text")
    void yamlScalars() {
        assertThat(Fixes.yaml("yes")).isEqualTo("yes");
        assertThat(Fixes.yaml("y_true")).isEqualTo("y_true");
        assertThat(Fixes.yaml("1")).isEqualTo("1");
        assertThat(Fixes.yaml("True")).isEqualTo("\"True\"");
        assertThat(Fixes.yaml("null")).isEqualTo("\"null\"");
        assertThat(Fixes.yaml("a: b")).isEqualTo("\"a: b\"");
        assertThat(Fixes.yaml("say \"hi\"\t")).isEqualTo("\"say \\\"hi\\\"\\t\"");
    }
}
