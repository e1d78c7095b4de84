package io.mlgates.plugin.logic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultIdsTest {
    @ParameterizedTest
    @ValueSource(strings = {"validate", "churn-model", "model_2", "A1", "x"})
    void plainIdsAreUsable(String id) {
        assertThat(ResultIds.problem(id)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-x", "../x", "a/b", "a b", "<script>", "é", "a.json"})
    void idsThatAreNotPlainSegmentsAreRefused(String id) {
        assertThat(ResultIds.problem(id)).startsWith("id '" + id + "' must be");
    }

    @Test
    void aTakenIdGetsTheFirstFreeNumberIgnoringCase() {
        assertThat(ResultIds.unique("validate", List.of())).isEqualTo("validate");
        assertThat(ResultIds.unique("validate", List.of("Validate"))).isEqualTo("validate-2");
        assertThat(ResultIds.unique("validate", List.of("validate", "validate-2", "ethics"))).isEqualTo("validate-3");
    }
}
