package io.mlgates.plugin.logic.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.board.Board;
import io.mlgates.core.board.BoardFilter;
import io.mlgates.core.board.BoardStatus;
import io.mlgates.core.board.ModelFacts;
import io.mlgates.core.board.ModelRow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The page's way from the source to what it shows: the source gets the viewer's permission check, the judgement only
 * the visible facts, so a model in a job the viewer may not read is neither shown nor counted.
 */
class BoardDeskTest {
    /** Each model in its job, as the source would read them. */
    private static final Map<String, ModelRow> BY_JOB = Map.of("risk/credit-risk", BoardFixtures.blocked(),
            "payments/fraud-detector", BoardFixtures.waiting(), "growth/churn", BoardFixtures.boarding());

    /** A source over the jobs above that applies the viewer's check as the real one must. */
    private static final class FakeSource implements ModelFactsSource {
        final List<String> asked = new ArrayList<>();

        @Override
        public VisibleFacts visible(Predicate<String> mayRead) {
            List<ModelFacts> facts = new ArrayList<>();
            BY_JOB.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                asked.add(e.getKey());
                if (mayRead.test(e.getKey())) {
                    facts.add(e.getValue().facts());
                }
            });
            return new VisibleFacts(facts, Optional.empty(), List.of());
        }

        @Override
        public boolean anyVisible(Predicate<String> mayRead) {
            return BY_JOB.keySet().stream().anyMatch(mayRead);
        }
    }

    /** Judges as the core would for these fixtures: each fact's row, filtered, counted. */
    private final List<List<ModelFacts>> judged = new ArrayList<>();
    private final BoardJudge judge = (facts, now, filter) -> {
        judged.add(facts);
        List<ModelRow> rows = BY_JOB.values().stream().filter(r -> facts.contains(r.facts()))
                .filter(r -> filter.team().map(t -> r.facts().team().orElseThrow().equals(t)).orElse(true))
                .filter(r -> filter.status().map(s -> r.status() == s).orElse(true))
                .sorted(java.util.Comparator.comparing(ModelRow::model)).toList();
        return BoardFixtures.board(filter, rows);
    };
    private final FakeSource source = new FakeSource();
    private final BoardDesk desk = new BoardDesk(source, judge, Clock.fixed(Instant.parse("2026-11-27T09:30:00Z"),
            ZoneOffset.UTC));

    @Test
    void aModelWhoseJobTheViewerMayNotReadIsNeitherShownNorCounted() throws Exception {
        Predicate<String> notGrowth = job -> !job.startsWith("growth/");
        BoardScreen screen = desk.board(notGrowth, Map.of(), Viewer.anonymous());

        assertThat(source.asked).contains("growth/churn");
        assertThat(judged).singleElement().asList().extracting(f -> ((ModelFacts) f).model())
                .containsExactlyInAnyOrder("credit-risk", "fraud-detector");
        Board board = screen.board().orElseThrow();
        assertThat(board.models()).extracting(ModelRow::model).doesNotContain("churn");
        assertThat(board.counts().get(BoardStatus.BOARDING)).isZero();
        assertThat(board.trains().get(0).boarding()).isEmpty();
        assertThat(screen.getPageHtml()).doesNotContain("churn", "growth");
    }

    @Test
    void theQueryFiltersWhatIsJudged() throws Exception {
        BoardScreen screen = desk.board(job -> true, BoardFixtures.params("team", "payments"), Viewer.anonymous());

        assertThat(screen.board().orElseThrow().filter().team()).contains("payments");
        assertThat(screen.board().orElseThrow().models()).extracting(ModelRow::model).containsExactly("fraud-detector");
    }

    @Test
    void aRefusedQueryIsNotJudgedAndSaysWhy() throws Exception {
        BoardScreen screen = desk.board(job -> true, BoardFixtures.params("train", "nightly"), Viewer.anonymous());

        assertThat(judged).isEmpty();
        assertThat(screen.board()).isEmpty();
        assertThat(screen.query().problems()).containsExactly("train: no model you may see has 'nightly'; accepted"
                + " here: weekly, or nothing for every train");
    }

    @Test
    void aTrainsPageIsTheBoardOfTheModelsThatRideIt() throws Exception {
        TrainScreen weekly = desk.train(job -> true, "weekly", Viewer.anonymous());
        TrainScreen hidden = desk.train(job -> false, "weekly", Viewer.anonymous());

        assertThat(weekly.train()).isPresent();
        assertThat(weekly.board().filter()).isEqualTo(new BoardFilter(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("weekly")));
        assertThat(hidden.train()).isEmpty();
        assertThat(hidden.trains()).isEmpty();
    }

    @Test
    void aSourceThatFailsShowsASentenceNotAnErrorPageAndNotItsPaths() {
        ModelFactsSource failing = new ModelFactsSource() {
            @Override
            public VisibleFacts visible(Predicate<String> mayRead) throws java.io.IOException {
                throw new java.io.IOException("/var/jenkins_home/jobs/x/builds/mlgates-trend.jsonl: denied");
            }

            @Override
            public boolean anyVisible(Predicate<String> mayRead) {
                return true;
            }
        };
        BoardScreen screen = new BoardDesk(failing, judge, Clock.systemUTC()).board(job -> true, Map.of(),
                Viewer.anonymous());

        assertThat(screen.board()).isEmpty();
        assertThat(screen.getPageHtml()).contains("cannot be read; the controller").doesNotContain("jenkins_home");
    }

    @Test
    void withTheCoresJudgementThePageShowsWhatItJudgedOfTheVisibleModelsOnly() {
        BoardScreen screen = new BoardDesk(source, io.mlgates.core.board.Boards::judge, Clock.fixed(
                BoardFixtures.NOW, ZoneOffset.UTC)).board(job -> !job.startsWith("growth/"), Map.of(),
                Viewer.anonymous());

        Board board = screen.board().orElseThrow();
        assertThat(board.models()).extracting(ModelRow::model).containsExactly("credit-risk", "fraud-detector");
        assertThat(board.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
        org.jsoup.select.Elements rows = org.jsoup.Jsoup.parseBodyFragment(screen.getPageHtml())
                .select("tr.mlgates-board-row");
        for (int i = 0; i < 2; i++) {
            assertThat(rows.get(i).select("span[class*=mlgates-board-]").text())
                    .isEqualTo(BoardHtml.label(board.models().get(i).status()));
        }
        assertThat(screen.getPageHtml()).doesNotContain("churn");
    }

    @Test
    void theSidePanelEntryFollowsTheViewersPermission() throws Exception {
        assertThat(desk.anyVisible(job -> job.equals("growth/churn"))).isTrue();
        assertThat(desk.anyVisible(job -> false)).isFalse();
    }
}
