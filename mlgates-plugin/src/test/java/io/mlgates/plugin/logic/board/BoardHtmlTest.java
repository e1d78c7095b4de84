package io.mlgates.plugin.logic.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.board.Board;
import io.mlgates.core.board.BoardFilter;
import io.mlgates.core.board.BoardStatus;
import io.mlgates.core.board.ModelRow;
import io.mlgates.plugin.logic.promotion.IdComparison;
import io.mlgates.plugin.logic.promotion.JenkinsUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BoardHtmlTest {
    private static final Viewer OMAR = new Viewer(Optional.of(new JenkinsUser("omar", List.of())), IdComparison.EXACT);

    static String page(Board board, Viewer viewer) {
        List<ModelRow> rows = board.models();
        BoardQuery query = BoardQuery.parse(Map.of(), rows.stream().map(ModelRow::facts).toList());
        return new BoardScreen(Optional.of(board), query, List.of(), viewer).getPageHtml();
    }

    @Test
    void eachModelShowsItsStagesCandidateGatesStatusApprovalsLapsesAndDeparture() {
        Document doc = Jsoup.parseBodyFragment(page(BoardFixtures.board(), OMAR));
        List<Element> rows = doc.select("tr.mlgates-board-row");

        assertThat(rows).hasSize(3);
        Element fraud = rows.get(1);
        assertThat(fraud.text()).contains("fraud-detector", "team payments", "staging v5", "production v4",
                "build #42", "version 5", "PASS validate", "WAIVED ethics", "waiting for production",
                "production: 1 of 2 from fraud-officers (priya); 1 still needed",
                "waiver fairness:age_band:* (priya), lapses 2026-12-01 00:00 UTC before the departure",
                "approval priya for production, lapses 2026-12-27 09:12 UTC",
                "weekly", "Tuesday 2026-12-01 14:00 Europe/Berlin", "cut-off 2026-12-01 10:00 Europe/Berlin");
        assertThat(fraud.select("li.mlgates-board-lapsing")).hasSize(1);
        assertThat(fraud.select(".mlgates-board-gates a").eachAttr("href")).containsExactly(
                "../job/payments/job/fraud-detector/42/mlgates/validate/",
                "../job/payments/job/fraud-detector/42/mlgates/ethics/");
        assertThat(fraud.select("a:contains(build #42)").attr("href"))
                .isEqualTo("../job/payments/job/fraud-detector/42/");
        assertThat(fraud.select("a:contains(weekly)").attr("href")).isEqualTo("train/weekly/");
    }

    @Test
    void aBlockedModelNamesTheMissingEvidence() {
        Element blocked = Jsoup.parseBodyFragment(page(BoardFixtures.board(), OMAR)).select("tr.mlgates-board-row")
                .get(0);

        assertThat(blocked.select(".mlgates-board-blocked").text()).isEqualTo("blocked");
        assertThat(blocked.select(".mlgates-board-blockers li").eachText()).containsExactly("evidence.missing: no"
                + " ethics result for candidate " + BoardFixtures.DIGEST + ": run mlEthicsGate on it");
    }

    @Test
    void theDecisionFormsPostToTheWaitingPromotionsOwnPageOnlyForAViewerWhoseDecisionCounts() {
        Document forOmar = Jsoup.parseBodyFragment(page(BoardFixtures.board(), OMAR));
        Document forAna = Jsoup.parseBodyFragment(page(BoardFixtures.board(), new Viewer(Optional.of(
                new JenkinsUser("ana", List.of())), IdComparison.EXACT)));

        assertThat(forOmar.select("form.mlgates-board-decide")).singleElement().satisfies(form -> {
            assertThat(form.attr("method")).isEqualTo("post");
            assertThat(form.attr("action")).isEqualTo("../" + BoardFixtures.FRAUD_PROMOTION + "approve");
            assertThat(form.select("button[formaction]").attr("formaction"))
                    .isEqualTo("../" + BoardFixtures.FRAUD_PROMOTION + "reject");
            assertThat(form.select("textarea[name=reason][required]")).hasSize(1);
        });
        assertThat(forAna.select("form.mlgates-board-decide")).isEmpty();
        // both still see what waits, linked to the promotion's page
        for (Document doc : List.of(forOmar, forAna)) {
            assertThat(doc.select(".mlgates-board-pending a").attr("href"))
                    .isEqualTo("../" + BoardFixtures.FRAUD_PROMOTION);
        }
    }

    @Test
    void theCountsLinkToTheBoardFilteredByStatusKeepingTheOtherFilters() {
        BoardFilter byTeam = new BoardFilter(Optional.of("payments"), Optional.empty(), Optional.empty(),
                Optional.empty());
        Document doc = Jsoup.parseBodyFragment(page(BoardFixtures.board(byTeam, List.of(BoardFixtures.waiting())),
                OMAR));

        assertThat(doc.select(".mlgates-board-counts a").eachAttr("href")).contains("?team=payments&status=WAITING",
                "?team=payments&status=BLOCKED");
        assertThat(doc.select(".mlgates-board-counts li").eachText()).contains("1 waiting", "0 blocked");
        assertThat(doc.select("select[name=team] option[selected]").val()).isEqualTo("payments");
        assertThat(doc.select("form.mlgates-board-filter").attr("method")).isEqualTo("get");
    }

    @Test
    void aRefusedQueryShowsItsProblemAndTheFormButNoBoard() {
        BoardQuery query = BoardQuery.parse(BoardFixtures.params("status", "<b>stuck</b>"),
                List.of(BoardFixtures.blocked().facts()));
        Document doc = Jsoup.parseBodyFragment(new BoardScreen(Optional.empty(), query, List.of(), OMAR).getPageHtml());

        assertThat(doc.select(".mlgates-problem").text()).contains("status: expected one of", "got '<b>stuck</b>'",
                "blocked, waiting");
        assertThat(doc.select("b")).isEmpty();
        assertThat(doc.select("form.mlgates-board-filter")).hasSize(1);
        assertThat(doc.select("tr.mlgates-board-row")).isEmpty();
    }

    @Test
    void whatTheSourceCouldNotReadIsShownAboveTheBoard() {
        BoardQuery query = BoardQuery.parse(Map.of(), List.of());
        String html = new BoardScreen(Optional.of(BoardFixtures.board(BoardFilter.all(), List.of())), query,
                List.of("the team registry did not answer in 5 s"), OMAR).getPageHtml();

        assertThat(Jsoup.parseBodyFragment(html).select(".mlgates-board-unread li").eachText())
                .containsExactly("the team registry did not answer in 5 s");
        assertThat(html).contains("No model you may see has run the gates yet.");
    }

    @Test
    void theTrainPageListsWhatBoardsWaitsIsBlockedAndLapsesBeforeTheDeparture() {
        Board board = BoardFixtures.board();
        Document doc = Jsoup.parseBodyFragment(new TrainScreen("weekly", board, Optional.of(board.trains().get(0)),
                List.of("weekly"), List.of(), OMAR).getPageHtml());

        assertThat(doc.select(".mlgates-train-next").text()).isEqualTo("Next departure Tuesday 2026-12-01 14:00"
                + " Europe/Berlin; evidence and approvals complete by the cut-off, 2026-12-01 10:00 Europe/Berlin.");
        assertThat(doc.select(".mlgates-train-boarding > li").eachText()).singleElement().asString().startsWith("churn");
        assertThat(doc.select(".mlgates-train-waiting > li").eachText()).singleElement().asString()
                .startsWith("fraud-detector").contains("1 still needed");
        assertThat(doc.select(".mlgates-train-waiting form.mlgates-board-decide").attr("action"))
                .isEqualTo("../../../" + BoardFixtures.FRAUD_PROMOTION + "approve");
        assertThat(doc.select(".mlgates-train-blocked > li").eachText()).singleElement().asString()
                .startsWith("credit-risk").contains("evidence.missing: no ethics result");
        assertThat(doc.select(".mlgates-train-lapsing > li").eachText()).containsExactly("fraud-detector: waiver"
                + " fairness:age_band:* (priya), lapses 2026-12-01 00:00 UTC before the departure");
    }

    @Test
    void decisionsThatDoNotCountAndATrainsDisagreementAreSaid() {
        ModelRow w = BoardFixtures.waiting();
        ModelRow row = new ModelRow(w.facts(), w.stageVersions(), w.candidateVersion(), w.nextStage(), w.status(),
                w.blockers(), List.of(new io.mlgates.core.board.StageApprovals("production", "fraud-officers", 2,
                List.of("priya"), List.of(), 1, List.of("omar"), true, List.of("ana's approval does not count: the"
                + " author's (four-eyes rule)"))), w.expiries(), w.departure());
        io.mlgates.core.board.TrainView weekly = new io.mlgates.core.board.TrainView("weekly",
                Optional.of(BoardFixtures.TUESDAY), List.of(), List.of(row), List.of(), List.of(), Optional.of(
                "fraud-detector writes Tuesdays at 14:00 Europe/Berlin, credit-risk Mondays at 09:00 UTC"));
        Board board = new Board(BoardFixtures.NOW, BoardFilter.all(), List.of(row), List.of(weekly),
                BoardFixtures.board(BoardFilter.all(), List.of(row)).counts());

        String page = Jsoup.parseBodyFragment(page(board, OMAR)).text();
        String train = Jsoup.parseBodyFragment(new TrainScreen("weekly", board, Optional.of(weekly), List.of("weekly"),
                List.of(), OMAR).getPageHtml()).text();
        for (String text : List.of(page, train)) {
            assertThat(text).contains("verified approvals only", "ana's approval does not count: the author's",
                    "fraud-detector writes Tuesdays at 14:00 Europe/Berlin, credit-risk Mondays at 09:00 UTC");
        }
    }

    @Test
    void anUnknownTrainIsNamedWithTheTrainsTheViewerMaySee() {
        Board board = BoardFixtures.board(new BoardFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("<nightly>")), List.of());
        String html = new TrainScreen("<nightly>", board, Optional.empty(), List.of("weekly"), List.of(), OMAR)
                .getPageHtml();

        assertThat(Jsoup.parseBodyFragment(html).text()).isEqualTo("No model you may see rides the release train"
                + " <nightly>; the trains are weekly.");
    }

    @Test
    void everyHostileStringShowsAsTextAndNothingElse() {
        ModelRow hostile = BoardFixtures.hostile();
        Board board = BoardFixtures.board(BoardFilter.all(), List.of(hostile));
        String boardHtml = page(board, new Viewer(Optional.of(new JenkinsUser("member-" + BoardFixtures.MARKUP
                + BoardFixtures.RTL, List.of())), IdComparison.EXACT));
        String trainHtml = new TrainScreen("train-" + BoardFixtures.MARKUP, board, Optional.of(new io.mlgates.core.board
                .TrainView("train-" + BoardFixtures.MARKUP, Optional.of(BoardFixtures.TUESDAY), List.of(hostile),
                List.of(hostile), List.of(hostile), hostile.expiries().stream().map(e -> new io.mlgates.core.board
                .TrainView.Lapse(hostile, e)).toList())), List.of(), List.of("unread "
                + BoardFixtures.MARKUP), Viewer.anonymous()).getPageHtml();

        for (String html : List.of(boardHtml, trainHtml)) {
            Document doc = Jsoup.parseBodyFragment(html);
            assertThat(doc.select("script, img, svg, iframe, object, embed, style, link, meta, base")).isEmpty();
            for (Element e : doc.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    assertThat(a.getKey()).as("attribute of <%s>", e.tagName()).doesNotStartWith("on")
                            .isNotEqualTo("style");
                    assertThat(a.getValue()).as("a link never takes another scheme").doesNotStartWith("javascript:");
                }
            }
            assertThat(doc.body().text()).contains("model-" + BoardFixtures.MARKUP).doesNotContain("&lt;");
            for (Element e : doc.getElementsContainingOwnText("\u202E")) {
                assertThat(e.tagName().equals("bdi") || !e.parents().select("bdi").isEmpty())
                        .as("<%s> holding an override: %s", e.tagName(), e.outerHtml()).isTrue();
            }
        }
        Document doc = Jsoup.parseBodyFragment(boardHtml);
        assertThat(doc.select("tr.mlgates-board-row").text()).contains("team-" + BoardFixtures.MARKUP,
                "group-" + BoardFixtures.MARKUP, "rejected by rejecter-" + BoardFixtures.MARKUP,
                "message " + BoardFixtures.MARKUP, "label " + BoardFixtures.MARKUP, "what " + BoardFixtures.MARKUP);
        assertThat(doc.select("select[name=team] option").eachText()).contains("team-" + BoardFixtures.MARKUP
                + BoardFixtures.RTL);
        assertThat(doc.select(".mlgates-board-gates a").attr("href")).isEqualTo("../javascript:alert(3)");
        assertThat(doc.select("a[href^=train/]").attr("href")).startsWith("train/train-%3Cscript%3E");
        assertThat(doc.select("form.mlgates-board-decide")).as("a hostile member name still matches only itself")
                .hasSize(1);
        assertThat(Jsoup.parseBodyFragment(trainHtml).select(".mlgates-board-unread li").text())
                .isEqualTo("unread " + BoardFixtures.MARKUP);
        assertThat(BoardHtml.badge(BoardStatus.NO_CANDIDATE)).isEqualTo("mlgates-status mlgates-board-no-candidate");
    }
}
