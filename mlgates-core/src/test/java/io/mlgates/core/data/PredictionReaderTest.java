package io.mlgates.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import io.mlgates.core.policy.Column;
import io.mlgates.core.policy.FileFormat;
import io.mlgates.core.policy.InvalidRows;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.metrics.TaskType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PredictionReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static PredictionSource source(String positive, List<String> classes, InvalidRows invalid) {
        PredictionSource d = PredictionSource.defaults();
        return new PredictionSource(d.path(), FileFormat.AUTO, ',', d.label(), d.score(), d.prediction(), d.weight(),
                positive, classes, 0.5, invalid, PredictionSource.DEFAULT_MAX_DROPPED_SHARE);
    }

    private static List<String> readAll(PredictionReader r) throws BadInputException {
        List<String> rows = new ArrayList<>();
        while (r.next()) {
            rows.add(r.line() + ":" + r.actualPositive() + ":" + r.predictedPositive() + ":" + r.score() + ":"
                    + r.weight());
        }
        return rows;
    }

    @Test
    @DisplayName("CSV rows carry label, score, threshold prediction and their line numbers")
    void readsCsvWithDefaults() throws Exception {
        Path p = file("p.csv", "label,score\n1,0.9\n0,0.5\n0,0.1\n");
        try (PredictionReader r = PredictionReader.open(p, "p.csv", PredictionSource.defaults(), TaskType.BINARY,
                List.of(), ProgressListener.NONE)) {
            assertThat(r.hasScores()).isTrue();
            assertThat(r.hasWeights()).isFalse();
            assertThat(readAll(r)).containsExactly("2:true:true:0.9:1.0", "3:false:true:0.5:1.0",
                    "4:false:false:0.1:1.0");
            assertThat(r.classNames()).containsExactly("1", "0");
        }
    }

    @Test
    @DisplayName("RFC 4180: quoted fields with delimiters, doubled quotes and line breaks; line numbers of row starts")
    void readsQuotedFields() throws Exception {
        Path p = file("p.csv", "label,score,region\n\"good\",0.2,\"a, \"\"b\"\"\"\nbad,0.8,\"two\nlines\"\ngood,0.3,c\n");
        try (PredictionReader r = PredictionReader.open(p, "p.csv", source("bad", List.of("good", "bad"),
                InvalidRows.ERROR), TaskType.BINARY, List.of("region"), ProgressListener.NONE)) {
            List<String> seen = new ArrayList<>();
            while (r.next()) {
                seen.add(r.line() + ":" + r.group(0));
            }
            assertThat(seen).containsExactly("2:a, \"b\"", "3:two\nlines", "5:c");
        }
    }

    @Test
    @DisplayName("a column named twice among the slice columns gives both the same value and number, the others theirs")
    void columnNamedTwiceAsSlice() throws Exception {
        Path p = file("p.csv", "label,score,region,age\n1,0.9,north,<25\n0,0.5,south,<25\n0,0.1,north,60+\n");
        try (PredictionReader r = PredictionReader.open(p, "p.csv", PredictionSource.defaults(), TaskType.BINARY,
                List.of("region", "age", "region", "age"), ProgressListener.NONE)) {
            List<String> seen = new ArrayList<>();
            while (r.next()) {
                seen.add(r.group(0) + r.groupNumber(0) + ":" + r.group(1) + r.groupNumber(1) + ":" + r.group(2)
                        + r.groupNumber(2) + ":" + r.group(3) + r.groupNumber(3));
            }
            assertThat(seen).containsExactly("north0:<250:north0:<250", "south1:<250:south1:<250",
                    "north0:60+1:north0:60+1");
        }
    }

    @Test
    @DisplayName("a configured delimiter, a prediction column and a weight column are used")
    void semicolonDelimiterPredictionAndWeight() throws Exception {
        Path p = file("p.csv", "y;p;w\nbad;good;2.5\ngood;good;0.5\n");
        PredictionSource d = PredictionSource.defaults();
        PredictionSource s = new PredictionSource(d.path(), FileFormat.CSV, ';', Column.named("y"), d.score(),
                Column.named("p"), Column.named("w"), "bad", List.of("good", "bad"), 0.5, InvalidRows.ERROR,
                PredictionSource.DEFAULT_MAX_DROPPED_SHARE);
        try (PredictionReader r = PredictionReader.open(p, "p.csv", s, TaskType.BINARY, List.of(),
                ProgressListener.NONE)) {
            assertThat(r.hasScores()).isFalse();
            assertThat(readAll(r)).containsExactly("2:true:false:0.0:2.5", "3:false:false:0.0:0.5");
        }
    }

    @Test
    @DisplayName("JSON Lines: numbers, strings and booleans are read by key, in any order")
    void readsJsonLines() throws Exception {
        Path p = file("p.jsonl", "{\"score\": 0.75, \"label\": 1}\n\n{\"label\": \"0\", \"score\": 0.25, \"x\": [1]}\n");
        try (PredictionReader r = PredictionReader.open(p, "p.jsonl", PredictionSource.defaults(), TaskType.BINARY,
                List.of(), ProgressListener.NONE)) {
            assertThat(readAll(r)).containsExactly("1:true:true:0.75:1.0", "3:false:false:0.25:1.0");
        }
    }

    @Test
    @DisplayName("labels that read as the same number name the same class")
    void numericLabelsAreOneClass() throws Exception {
        Path p = file("p.csv", "label,score\n1.0,0.9\n0,0.2\n1,0.7\n0.0,0.4\n");
        try (PredictionReader r = PredictionReader.open(p, "p.csv", PredictionSource.defaults(), TaskType.BINARY,
                List.of(), ProgressListener.NONE)) {
            assertThat(readAll(r)).extracting(s -> s.split(":")[1]).containsExactly("true", "false", "true", "false");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "an unparsable score          | label,score\\n1,0.9\\n0,abc\\n        | p.csv:3: column 'score': 'abc' is not a number",
        "a NaN score                  | label,score\\n1,NaN\\n0,0.5\\n        | p.csv:2: column 'score': NaN is not a finite number",
        "a score above one            | label,score\\n1,0.5\\n0,1.5\\n        | p.csv:3: column 'score': score 1.5 is outside [0, 1]",
        "an empty label               | label,score\\n1,0.5\\n,0.5\\n         | p.csv:3: column 'label' is empty",
        "a third label in binary      | label,score\\n1,0.5\\n0,0.5\\n2,0.1\\n | p.csv:4: column 'label': label '2' would be class 3",
        "a short row                  | label,score\\n1,0.5\\n0\\n            | p.csv:3: expected 2 fields as in the header, found 1",
        "a negative weight            | label,score,weight\\n1,0.5,-1\\n0,0.5,1\\n | p.csv:2: column 'weight': weight -1 is negative; expected a weight of 0 or more",
        "a tiny negative weight       | label,score,weight\\n1,0.5,1\\n0,0.5,-1e-300\\n | p.csv:3: column 'weight': weight -1e-300 is negative",
        "a NaN weight                 | label,score,weight\\n1,0.5,NaN\\n0,0.5,1\\n | p.csv:2: column 'weight': NaN is not a finite number",
        "an infinite weight           | label,score,weight\\n1,0.5,1\\n0,0.5,Infinity\\n | p.csv:3: column 'weight': Infinity is not a finite number",
        "a weight beyond double       | label,score,weight\\n1,0.5,1e309\\n0,0.5,1\\n | p.csv:2: column 'weight': 1e309 is not a finite number",
    })
    @DisplayName("a bad row is an error naming the file and line")
    void badRowsNameFileAndLine(String what, String content, String expected) throws Exception {
        Path p = file("p.csv", content.replace("\\n", "\n"));
        try (PredictionReader r = PredictionReader.open(p, "p.csv", PredictionSource.defaults(), TaskType.BINARY,
                List.of(), ProgressListener.NONE)) {
            assertThatThrownBy(() -> readAll(r)).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(expected).hasMessageContaining("invalidRows: drop");
        }
    }

    @Test
    @DisplayName("a weight of 0 is read: the row is counted and weighs nothing")
    void zeroWeightIsRead() throws Exception {
        Path p = file("p.csv", "label,score,weight\n1,0.9,0\n0,0.2,0.0\n1,0.7,2\n");
        try (PredictionReader r = PredictionReader.open(p, "p.csv", PredictionSource.defaults(), TaskType.BINARY,
                List.of(), ProgressListener.NONE)) {
            List<Double> weights = new java.util.ArrayList<>();
            while (r.next()) {
                weights.add(r.weight());
            }
            assertThat(weights).containsExactly(0.0, 0.0, 2.0);
            assertThat(r.rowsRead()).isEqualTo(3);
            assertThat(r.rowsDropped()).isZero();
        }
    }

    @Test
    @DisplayName("a label outside the declared classes is an error naming them")
    void labelOutsideDeclaredClasses() throws Exception {
        Path p = file("p.csv", "label,score\ngood,0.1\nBAD,0.9\n");
        try (PredictionReader r = PredictionReader.open(p, "p.csv", source("bad", List.of("good", "bad"),
                InvalidRows.ERROR), TaskType.BINARY, List.of(), ProgressListener.NONE)) {
            assertThatThrownBy(() -> readAll(r)).hasMessageStartingWith(
                    "p.csv:3: column 'label': label 'BAD' is not one of the declared classes (good, bad)");
        }
    }

    @Test
    @DisplayName("with invalidRows: drop, rows without a usable label are counted and their first reasons kept")
    void dropsAndCounts() throws Exception {
        Path p = file("p.csv", "label,score\n1,0.9\n,0.3\n7,0.2\n0,0.1\n");
        try (PredictionReader r = PredictionReader.open(p, "p.csv", source("1", List.of("0", "1"),
                InvalidRows.DROP), TaskType.BINARY, List.of(), ProgressListener.NONE)) {
            assertThat(readAll(r)).hasSize(2);
            assertThat(r.rowsRead()).isEqualTo(2);
            assertThat(r.rowsDropped()).isEqualTo(2);
            assertThat(r.dropReasons()).containsExactly("p.csv:3: column 'label' is empty",
                    "p.csv:4: column 'label': label '7' is not one of the declared classes (0, 1)");
            assertThat(r.failedPredictions()).isZero();
        }
    }

    @Test
    @DisplayName("with invalidRows: drop, a labelled row without a usable score is the worst answer, never dropped")
    void failedPredictionsCountAgainstTheModel() throws Exception {
        Path p = file("p.csv", "label,score\n1,0.9\n0,x\n1,NaN\n0,\n1,2\n");
        try (PredictionReader r = PredictionReader.open(p, "p.csv", source("1", List.of(), InvalidRows.DROP),
                TaskType.BINARY, List.of(), ProgressListener.NONE)) {
            // line:actual positive:predicted positive:score:weight; a failed row predicts the other class and
            // scores 0 for a positive, 1 for a negative
            assertThat(readAll(r)).containsExactly("2:true:true:0.9:1.0", "3:false:true:1.0:1.0",
                    "4:true:false:0.0:1.0", "5:false:true:1.0:1.0", "6:true:false:0.0:1.0");
            assertThat(r.rowsDropped()).isZero();
            assertThat(r.failedPredictions()).isEqualTo(4);
            assertThat(r.failureReasons()).containsExactly("p.csv:3: column 'score': 'x' is not a number",
                    "p.csv:4: column 'score': NaN is not a finite number", "p.csv:5: column 'score' is empty",
                    "p.csv:6: column 'score': score 2 is outside [0, 1]; expected the probability of the positive"
                            + " class");
        }
    }

    @Test
    @DisplayName("a multiclass row without a usable prediction is counted, not judged")
    void failedPredictionsOfOtherTasksAreLeftOut() throws Exception {
        Path m = file("m.csv", "label,prediction\ncat,cat\ndog,\n");
        try (PredictionReader r = PredictionReader.open(m, "m.csv", source("1", List.of(), InvalidRows.DROP),
                TaskType.MULTICLASS, List.of(), ProgressListener.NONE)) {
            assertThat(r.next()).isTrue();
            assertThat(r.next()).isFalse();
            assertThat(r.rowsRead()).isEqualTo(1);
            assertThat(r.failedPredictions()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("the digest of the file read is its SHA-256")
    void digestOfTheFileRead() throws Exception {
        Path p = file("p.csv", "label,score\n1,0.9\n");
        try (PredictionReader r = PredictionReader.open(p, "p.csv", PredictionSource.defaults(), TaskType.BINARY,
                List.of(), ProgressListener.NONE)) {
            readAll(r);
            // printf 'label,score\n1,0.9\n' | sha256sum
            assertThat(r.digest()).isEqualTo(
                    "sha256:aa870bf6cd923c5935c22cefcb2cf58c364fffd41ed01d91b327328f36d00ede");
        }
    }

    @Test
    @DisplayName("JSON Lines: a key twice in one record is bad input at its line")
    void duplicateKey() throws Exception {
        Path p = file("p.jsonl", "{\"label\": 1, \"score\": 0.9}\n{\"label\": 0, \"score\": 0.2, \"label\": 1}\n");
        try (PredictionReader r = PredictionReader.open(p, "p.jsonl", PredictionSource.defaults(), TaskType.BINARY,
                List.of(), ProgressListener.NONE)) {
            assertThatThrownBy(() -> readAll(r)).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("p.jsonl:2:").hasMessageContaining("key 'label' appears twice");
        }
    }

    @Test
    @DisplayName("a slice value longer than a group name may be is an invalid row, named and clipped in the message")
    void hugeGroupName() throws Exception {
        Path p = file("p.csv", "label,score,region\n1,0.9,north\n0,0.2," + "x".repeat(10_000_000) + "\n");
        try (PredictionReader r = PredictionReader.open(p, "p.csv", PredictionSource.defaults(), TaskType.BINARY,
                List.of("region"), ProgressListener.NONE)) {
            assertThatThrownBy(() -> readAll(r)).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("p.csv:3:")
                    .hasMessageContaining("a value of 10000000 characters")
                    .hasMessageContaining("expected a group name of at most 1000")
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"a number of 5000 digits, 5000, 0", "arrays nested 5000 deep, 0, 5000"})
    @DisplayName("JSON Lines: input past Jackson's stream limits is bad input at its line, not only its file")
    void streamLimitsNameTheLine(String what, int digits, int depth) throws Exception {
        String hostile = "{\"label\": 0, \"score\": " + (digits > 0 ? "1".repeat(digits) : "0.5")
                + (depth > 0 ? ", \"x\": " + "[".repeat(depth) + "]".repeat(depth) : "") + "}\n";
        Path p = file("p.jsonl", "{\"label\": 1, \"score\": 0.9}\n" + hostile);
        try (PredictionReader r = PredictionReader.open(p, "p.jsonl", PredictionSource.defaults(), TaskType.BINARY,
                List.of(), ProgressListener.NONE)) {
            assertThatThrownBy(() -> readAll(r)).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("p.jsonl:2:");
        }
    }

    @Test
    @DisplayName("JSON Lines: a wanted column that first appears after the first record is bad input at its line")
    void lateColumn() throws Exception {
        Path p = file("p.jsonl", "{\"label\": 1, \"score\": 0.9}\n{\"label\": 0, \"score\": 0.2}\n"
                + "{\"label\": 0, \"score\": 0.2, \"weight\": 40}\n");
        try (PredictionReader r = PredictionReader.open(p, "p.jsonl", PredictionSource.defaults(), TaskType.BINARY,
                List.of(), ProgressListener.NONE)) {
            assertThatThrownBy(() -> readAll(r)).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("p.jsonl:3:")
                    .hasMessageContaining("column 'weight' first appears here, after the first record");
        }
    }

    @Test
    @DisplayName("one column serves two roles: the label is also a slice column, in CSV and in JSON Lines")
    void oneColumnTwoRoles() throws Exception {
        Path csv = file("p.csv", "label,score\n1,0.9\n0,0.2\n1,0.4\n");
        Path jsonl = file("p.jsonl", "{\"label\": 1, \"score\": 0.9}\n{\"label\": 0, \"score\": 0.2}\n"
                + "{\"label\": 1, \"score\": 0.4}\n");
        for (Path p : List.of(csv, jsonl)) {
            try (PredictionReader r = PredictionReader.open(p, p.getFileName().toString(),
                    PredictionSource.defaults(), TaskType.BINARY, List.of("label", "score"), ProgressListener.NONE)) {
                List<String> seen = new ArrayList<>();
                while (r.next()) {
                    seen.add(r.actualPositive() + ":" + r.group(0) + ":" + r.group(1));
                }
                assertThat(seen).as(p.getFileName().toString()).containsExactly("true:1:0.9", "false:0:0.2",
                        "true:1:0.4");
            }
        }
    }

    @Test
    @DisplayName("a 10 MB label or score makes a message and kept reasons of a few hundred characters")
    void hugeValuesMakeBoundedMessages() throws Exception {
        String huge = "7".repeat(10_000_000);
        Path p = file("p.csv", "label,score\n1,0.9\n" + huge + ",0.5\n0,1" + huge + "\n");
        try (PredictionReader r = PredictionReader.open(p, "p.csv", source("1", List.of("0", "1"),
                InvalidRows.DROP), TaskType.BINARY, List.of(), ProgressListener.NONE)) {
            readAll(r);
            assertThat(r.dropReasons()).singleElement().satisfies(reason -> assertThat(reason).hasSizeLessThan(300)
                    .startsWith("p.csv:3: column 'label': label '7777").contains("(10000000 characters)"));
            assertThat(r.failureReasons()).singleElement().satisfies(reason -> assertThat(reason)
                    .hasSizeLessThan(300).startsWith("p.csv:4: column 'score': 1777"));
        }
        try (PredictionReader r = PredictionReader.open(p, "p.csv", PredictionSource.defaults(), TaskType.BINARY,
                List.of(), ProgressListener.NONE)) {
            assertThatThrownBy(() -> readAll(r)).isInstanceOf(BadInputException.class)
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "no label column          | score\\n0.5\\n          | p.csv:1: no column 'label' for the true label",
        "neither score nor pred.  | label,x\\n1,2\\n        | p.csv:1: no column 'score' or 'prediction' for the model's answer",
        "empty file               | ``                    | p.csv:1: the file is empty",
        "duplicate header         | label,label\\n1,1\\n    | p.csv:1: column 'label' appears twice",
    })
    @DisplayName("a file without the columns it needs is refused before any row is read")
    void badHeaders(String what, String content, String expected) throws Exception {
        Path p = file("p.csv", content.replace("\\n", "\n"));
        assertThatThrownBy(() -> PredictionReader.open(p, "p.csv", PredictionSource.defaults(), TaskType.BINARY,
                List.of(), ProgressListener.NONE)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(expected);
    }

    @Test
    @DisplayName("a column the policy names explicitly must exist")
    void explicitColumnMustExist() throws Exception {
        Path p = file("p.csv", "label,score\n1,0.5\n");
        PredictionSource d = PredictionSource.defaults();
        PredictionSource s = new PredictionSource(d.path(), FileFormat.AUTO, ',', d.label(), d.score(), d.prediction(),
                Column.named("w"), "1", List.of(), 0.5, InvalidRows.ERROR, PredictionSource.DEFAULT_MAX_DROPPED_SHARE);
        assertThatThrownBy(() -> PredictionReader.open(p, "p.csv", s, TaskType.BINARY, List.of(),
                ProgressListener.NONE)).hasMessage("p.csv:1: no column 'w' for a sample weight. The file has: label, score"
                + "\nno column looks like a sample weight: name it under predictions.columns.weight");
    }

    @Test
    @DisplayName("a missing file says where it was looked for")
    void missingFile() {
        assertThatThrownBy(() -> PredictionReader.open(dir.resolve("none.csv"), "eval/none.csv",
                PredictionSource.defaults(), TaskType.BINARY, List.of(), ProgressListener.NONE))
                .hasMessageStartingWith("eval/none.csv: prediction file not found");
    }

    @Test
    @DisplayName("malformed JSON Lines stop the read with line and column")
    void malformedJson() throws Exception {
        Path p = file("p.jsonl", "{\"label\": 1, \"score\": 0.5}\n{\"label\": 0, \"score\": }\n");
        try (PredictionReader r = PredictionReader.open(p, "p.jsonl", PredictionSource.defaults(), TaskType.BINARY,
                List.of(), ProgressListener.NONE)) {
            assertThatThrownBy(() -> readAll(r)).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("p.jsonl:2:").hasMessageContaining("malformed JSON");
        }
    }

    @Test
    @DisplayName("multiclass classes are found in the data; regression reads numbers")
    void multiclassAndRegression() throws Exception {
        Path m = file("m.csv", "label,prediction\ncat,dog\ndog,dog\nbird,cat\n");
        try (PredictionReader r = PredictionReader.open(m, "m.csv", PredictionSource.defaults(), TaskType.MULTICLASS,
                List.of(), ProgressListener.NONE)) {
            List<String> pairs = new ArrayList<>();
            while (r.next()) {
                pairs.add(r.actualClass() + ">" + r.predictedClass());
            }
            assertThat(pairs).containsExactly("0>1", "1>1", "2>0");
            assertThat(r.classNames()).containsExactly("cat", "dog", "bird");
        }
        Path g = file("g.csv", "label,prediction\n3.5,3\n-1,0.25\n");
        try (PredictionReader r = PredictionReader.open(g, "g.csv", PredictionSource.defaults(), TaskType.REGRESSION,
                List.of(), ProgressListener.NONE)) {
            assertThat(r.next()).isTrue();
            assertThat(r.target()).isEqualTo(3.5);
            assertThat(r.predicted()).isEqualTo(3.0);
            assertThat(r.next()).isTrue();
            assertThat(r.target()).isEqualTo(-1.0);
            assertThat(r.next()).isFalse();
        }
    }
}
