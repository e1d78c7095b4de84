package io.mlgates.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
    private static final List<String> TOP_LEVEL =
            List.of("version", "model", "task", "predictions", "metrics", "limits", "baseline", "slices");
    private static final List<String> PREDICTIONS = List.of("path", "format", "delimiter", "columns", "positive",
            "classes", "threshold", "invalidRows");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", textBlock = """
            modle,       model
            Model,       model
            TASK,        task
            limit,       limits
            slice,       slices
            prediction,  predictions
            verison,     version
            colour,      none
            owner,       none
            """)
    void suggestsANearMissAtTheTopLevel(String typed, String expected) {
        assertThat(Suggestions.nearMiss(typed, TOP_LEVEL)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", textBlock = """
            invalid_rows,  invalidRows
            InvalidRows,   invalidRows
            invalid-rows,  invalidRows
            treshold,      threshold
            columns,       columns
            labels,        none
            """)
    void caseAndSeparatorsDoNotHideTheIntendedKey(String typed, String expected) {
        assertThat(Suggestions.nearMiss(typed, PREDICTIONS)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0} / {1} = {2}")
    @CsvSource(textBlock = """
            kitten,  sitting,  3
            model,   modle,    2
            '',      abc,      3
            same,    same,     0
            a,       abcdef,   3
            """)
    void levenshteinDistanceStopsOneAboveTheLimit(String a, String b, int expected) {
        assertThat(Suggestions.levenshtein(a, b, 2)).isEqualTo(expected);
    }
}
