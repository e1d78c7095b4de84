package io.mlgates.plugin.logic.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.board.BoardFilter;
import io.mlgates.core.board.BoardStatus;
import io.mlgates.core.board.ModelFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoardQueryTest {
    private static final List<ModelFacts> VISIBLE = List.of(BoardFixtures.blocked().facts(),
            BoardFixtures.waiting().facts());

    private static BoardQuery parse(Map<String, String> parameters) {
        Map<String, List<String>> lists = new java.util.LinkedHashMap<>();
        parameters.forEach((k, v) -> lists.put(k, List.of(v)));
        return BoardQuery.parse(lists, VISIBLE);
    }

    @Test
    void noParameterAndEmptyParametersFilterNothing() {
        assertThat(parse(Map.of()).filter()).isEqualTo(BoardFilter.all());
        assertThat(parse(Map.of("team", "", "stage", " ", "status", "", "train", "")).filter())
                .isEqualTo(BoardFilter.all());
        assertThat(parse(Map.of()).problems()).isEmpty();
    }

    @Test
    void eachParameterFiltersByAValueAVisibleModelHas() {
        BoardQuery q = parse(Map.of("team", "payments", "stage", "production", "status", "Waiting", "train", "weekly"));

        assertThat(q.problems()).isEmpty();
        assertThat(q.filter()).isEqualTo(new BoardFilter(Optional.of("payments"), Optional.of("production"),
                Optional.of(BoardStatus.WAITING), Optional.of("weekly")));
    }

    @Test
    void aBadValueNamesTheParameterAndTheValuesItAccepts() {
        BoardQuery q = parse(Map.of("status", "stuck", "team", "growth"));

        assertThat(q.problems()).containsExactly(
                "team: no model you may see has 'growth'; accepted here: payments, risk, or nothing for every team",
                "status: expected one of blocked, waiting, boarding, ready, released, no_candidate (any case), got"
                        + " 'stuck'; accepted here: blocked, waiting, boarding, ready, released, no_candidate, or"
                        + " nothing for every status");
        assertThat(q.filter().team()).isEmpty();
    }

    @Test
    void theAcceptedValuesComeFromVisibleModelsOnly() {
        // churn's team, growth, exists but the viewer may not see churn: it is neither accepted nor named
        BoardQuery q = BoardQuery.parse(BoardFixtures.params("team", "growth"), List.of(BoardFixtures.blocked().facts()));

        assertThat(q.problems()).singleElement().asString().contains("accepted here: risk,").doesNotContain("payments");
        assertThat(BoardQuery.parse(Map.of(), List.of()).choices().teams()).isEmpty();
        assertThat(BoardQuery.parse(BoardFixtures.params("train", "weekly"), List.of()).problems()).singleElement().asString()
                .contains("no model you may see has a train");
    }

    @Test
    void theChoicesAreSortedAndTheStatusesWrittenAsTheQueryTakesThem() {
        BoardQuery.Choices c = parse(Map.of()).choices();

        assertThat(c.teams()).containsExactly("payments", "risk");
        assertThat(c.stages()).containsExactly("production", "staging");
        assertThat(c.trains()).containsExactly("weekly");
        assertThat(c.statuses()).contains("blocked", "no_candidate");
    }

    @Test
    void aValueInAFormTheCoreRefusesIsNamedWithTheFormAndTheValuesHere() {
        BoardQuery q = BoardQuery.parse(Map.of("stage", List.of("Prod!"), "team", List.of("risk", "payments")),
                VISIBLE);

        assertThat(q.problems()).containsExactly("team: given 2 times; give it at most once; accepted here: payments,"
                + " risk, or nothing for every team", "stage: expected a stage name: lower-case letters, digits and"
                + " dashes, starting with a letter, at most 63 characters, got 'Prod!'; accepted here: production,"
                + " staging, or nothing for every stage");
    }

    @Test
    void aFilterIsALinkOneCanShare() {
        BoardFilter f = new BoardFilter(Optional.of("risk & fraud"), Optional.empty(), Optional.of(BoardStatus.BLOCKED),
                Optional.of("weekly"));

        assertThat(BoardQuery.queryString(f)).isEqualTo("?team=risk+%26+fraud&status=BLOCKED&train=weekly");
        assertThat(BoardQuery.queryString(BoardFilter.all())).isEmpty();
        assertThat(BoardQuery.encode("train <x>/y")).isEqualTo("train%20%3Cx%3E%2Fy");
    }
}
