package io.mlgates.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.testing.RecordText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text of a prediction source and of its columns: shared reads keep it to tell whether statistics were read
 * with the same columns, so the written-out {@code toString} must say what the record's generated one says.
 */
class PredictionSourceTest {
    @Test
    void theDefaultsReadAsTheGeneratedTextSpellsThem() {
        PredictionSource defaults = PredictionSource.defaults();

        assertThat(defaults.toString()).isEqualTo("PredictionSource[path=eval/predictions.csv, format=AUTO,"
                + " delimiter=,, label=Column[name=label, explicit=false], score=Column[name=score, explicit=false],"
                + " prediction=Column[name=prediction, explicit=false], weight=Column[name=weight, explicit=false],"
                + " positive=1, classes=[], threshold=0.5, invalidRows=ERROR, maxDroppedShare=0.01]");
        assertThat(defaults.toString()).isEqualTo(RecordText.generated(defaults));
    }

    @Test
    void everyComponentReadsAsInTheGeneratedText() {
        PredictionSource source = new PredictionSource("data/p;q.tsv", FileFormat.JSONL, '\t',
                Column.named("y"), Column.named("p, 1"), Column.byConvention("prediction"), Column.named("w"),
                "yes", List.of("no", "yes"), 1.0E-4, InvalidRows.DROP, 0.25);

        assertThat(source.toString()).isEqualTo(RecordText.generated(source));
        assertThat(source.label().toString()).isEqualTo(RecordText.generated(source.label()));
        assertThat(source.toString()).contains(", delimiter=\t, ", "threshold=1.0E-4,", "classes=[no, yes],",
                "score=Column[name=p, 1, explicit=true]");
    }
}
