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
        return BoardQuery.parse(parameters::get, VISIBLE);
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
                "The parameter team does not accept 'growth'; it accepts payments, risk, or nothing for every team.",
                "The parameter status does not accept 'stuck'; it accepts blocked, waiting, boarding, ready, released,"
                        + " no_candidate, or nothing for every status.");
        assertThat(q.filter().team()).isEmpty();
    }

    @Test
    void theAcceptedValuesComeFromVisibleModelsOnly() {
        // churn's team, growth, exists but the viewer may not see churn: it is neither accepted nor named
        BoardQuery q = BoardQuery.parse(Map.of("team", "growth")::get, List.of(BoardFixtures.blocked().facts()));

        assertThat(q.problems()).singleElement().asString().contains("it accepts risk,").doesNotContain("payments");
        assertThat(BoardQuery.parse(p -> null, List.of()).choices().teams()).isEmpty();
        assertThat(BoardQuery.parse(Map.of("train", "weekly")::get, List.of()).problems()).singleElement().asString()
                .contains("it accepts no value, as no model you may see has one");
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
    void aFilterIsALinkOneCanShare() {
        BoardFilter f = new BoardFilter(Optional.of("risk & fraud"), Optional.empty(), Optional.of(BoardStatus.BLOCKED),
                Optional.of("weekly/eu"));

        assertThat(BoardQuery.queryString(f)).isEqualTo("?team=risk%20%26%20fraud&status=blocked&train=weekly%2Feu");
        assertThat(BoardQuery.queryString(BoardFilter.all())).isEmpty();
    }
}
