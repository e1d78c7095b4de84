package io.mlgates.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgates.core.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyExceptionTest {

    @Test
    void messageListsEveryProblemAsFileLineColumnOnePerLineSortedByPosition() {
        PolicyException e = new PolicyException("mlgates.yaml", List.of(
                new PolicyProblem(7, 3, "third"),
                new PolicyProblem(2, 9, "second"),
                new PolicyProblem(2, 1, "first")));

        assertThat(e.getMessage()).isEqualTo("""
                mlgates.yaml:2:1: first
                mlgates.yaml:2:9: second
                mlgates.yaml:7:3: third""");
        assertThat(e.problems()).extracting(PolicyProblem::message).containsExactly("first", "second", "third");
    }

    @Test
    void firstProblemGivesTheLineAndColumnOfTheBadInputException() {
        BadInputException e = new PolicyException("policies/strict.yaml", List.of(
                new PolicyProblem(4, 5, "later"), new PolicyProblem(3, 2, "earlier")));

        assertThat(e.file()).isEqualTo("policies/strict.yaml");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(2);
    }

    @Test
    void problemOfTheWholeFileIsNamedWithoutLineAndColumn() {
        PolicyException e = new PolicyException("mlgates.yaml", List.of(new PolicyProblem(0, 0, "too large")));

        assertThat(e.getMessage()).isEqualTo("mlgates.yaml: too large");
        assertThat(e.line()).isZero();
        assertThat(e.column()).isZero();
    }

    @Test
    void needsAtLeastOneProblem() {
        assertThatThrownBy(() -> new PolicyException("mlgates.yaml", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void problemsCannotBeChangedAfterwards() {
        PolicyException e = new PolicyException("mlgates.yaml", List.of(new PolicyProblem(1, 1, "x")));

        assertThatThrownBy(() -> e.problems().add(new PolicyProblem(2, 2, "y")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void problemRejectsNegativePositionsAndBlankMessages() {
        assertThatThrownBy(() -> new PolicyProblem(-1, 0, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PolicyProblem(1, -1, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PolicyProblem(1, 1, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PolicyProblem(1, 1, null)).isInstanceOf(NullPointerException.class);
    }
}
