package io.mlgates.core.board;

import static io.mlgates.core.board.BoardFixtures.BERLIN;
import static io.mlgates.core.board.BoardFixtures.MONDAY;
import static io.mlgates.core.board.BoardFixtures.all;
import static io.mlgates.core.board.BoardFixtures.approve;
import static io.mlgates.core.board.BoardFixtures.candidate;
import static io.mlgates.core.board.BoardFixtures.churn;
import static io.mlgates.core.board.BoardFixtures.credit;
import static io.mlgates.core.board.BoardFixtures.facts;
import static io.mlgates.core.board.BoardFixtures.fraud;
import static io.mlgates.core.board.BoardFixtures.freeze;
import static io.mlgates.core.board.BoardFixtures.legacy;
import static io.mlgates.core.board.BoardFixtures.pricing;
import static io.mlgates.core.board.BoardFixtures.ranker;
import static io.mlgates.core.board.BoardFixtures.registry;
import static io.mlgates.core.board.BoardFixtures.result;
import static io.mlgates.core.board.BoardFixtures.road;
import static io.mlgates.core.board.BoardFixtures.scoring;
import static io.mlgates.core.board.BoardFixtures.train;
import static io.mlgates.core.board.BoardFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.mlgates.core.gate.Status;
import io.mlgates.core.policy.ReleaseTrain;
import io.mlgates.core.registry.Approval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The board judged from plain objects at fixed moments. Every expected value is worked out by hand in the comments:
 * December in Berlin is UTC+1, so the Tuesday 14:00 train leaves at 13:00 UTC and its four-hour cut-off is 09:00 UTC.
 */
class BoardsTest {
    private static final ZonedDateTime TUESDAY_DEC_8 = ZonedDateTime.of(2026, 12, 8, 14, 0, 0, 0, BERLIN);
    private static final Departure NEXT = new Departure("release", TUESDAY_DEC_8,
            Instant.parse("2026-12-08T09:00:00Z"));

    private static Board board(List<ModelFacts> facts, Instant now) {
        return Boards.judge(facts, now, BoardFilter.all());
    }

    private static ModelRow row(Board board, String model) {
        return board.models().stream().filter(r -> r.model().equals(model)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("on Monday: fraud boards Tuesday's train, credit waits for one approval, churn and scoring are"
            + " blocked and say why, ranker may enter staging now, pricing is released, legacy has no candidate")
    void whatBoardsWaitsAndIsBlocked() {
        Board board = board(all(), MONDAY);

        assertThat(board.models()).extracting(ModelRow::model)
                .containsExactly("churn", "credit", "fraud", "legacy", "pricing", "ranker", "scoring");
        assertThat(board.models()).extracting(ModelRow::status).containsExactly(BoardStatus.BLOCKED,
                BoardStatus.WAITING, BoardStatus.BOARDING, BoardStatus.NO_CANDIDATE, BoardStatus.RELEASED,
                BoardStatus.READY, BoardStatus.BLOCKED);
        assertThat(board.counts()).containsExactlyInAnyOrderEntriesOf(Map.of(BoardStatus.BLOCKED, 2,
                BoardStatus.WAITING, 1, BoardStatus.BOARDING, 1, BoardStatus.READY, 1, BoardStatus.RELEASED, 1,
                BoardStatus.NO_CANDIDATE, 1));

        ModelRow fraud = row(board, "fraud");
        assertThat(fraud.stageVersions()).containsExactly(Map.entry("staging", 3));
        assertThat(fraud.candidateVersion()).contains(3);
        assertThat(fraud.nextStage()).contains("production");
        assertThat(fraud.departure()).contains(NEXT);
        assertThat(fraud.approvals()).containsExactly(new StageApprovals("production", "risk", 2,
                List.of("alice", "bob"), List.of(), 0, List.of("carol"), false, List.of()));
        // waivers in force on Monday: the one expiring 2026-12-07 lapses at the start of 12-08 UTC (waivers go by
        // the UTC date, as the gates apply them), before the 13:00 UTC departure; the 2027-01-31 one at the start of
        // 2027-02-01 UTC. Approvals
        // last 30 days: alice's of 11-20 09:00 until 12-20 09:00, bob's of 12-01 12:00 until 12-31 12:00.
        assertThat(fraud.expiries()).containsExactly(
                new Expiry(Expiry.Kind.WAIVER, "waiver of ethics:fairness:* approved by carol: small group",
                        Instant.parse("2026-12-08T00:00:00Z"), true),
                new Expiry(Expiry.Kind.APPROVAL, "alice's approval for production",
                        Instant.parse("2026-12-20T09:00:00Z"), false),
                new Expiry(Expiry.Kind.APPROVAL, "bob's approval for production",
                        Instant.parse("2026-12-31T12:00:00Z"), false),
                new Expiry(Expiry.Kind.WAIVER, "waiver of data:dropped_rows approved by carol: known gap",
                        Instant.parse("2027-02-01T00:00:00Z"), false));

        ModelRow churn = row(board, "churn");
        assertThat(churn.blockers()).containsExactly(
                new Blocker("evidence.missing", "no result of the ethics gate for this candidate (build #12); stage"
                        + " production needs one: run the gate on it"),
                new Blocker("approvals.rejected", "carol rejected it at 2026-12-02T08:00:00Z: the 60+ slice is too"
                        + " small to judge"));
        assertThat(churn.approvals()).containsExactly(new StageApprovals("production", "risk", 2, List.of(),
                List.of("carol"), 2, List.of("alice", "bob", "carol"), false, List.of()));

        ModelRow credit = row(board, "credit");
        assertThat(credit.blockers()).isEmpty();
        assertThat(credit.approvals()).containsExactly(new StageApprovals("production", "risk", 2, List.of("bob"),
                List.of(), 1, List.of("carol"), false, List.of(
                        "carol's approval of 2026-10-01T09:00:00Z expired at 2026-10-31T09:00:00Z (decisions last"
                                + " 30d)",
                        "alice's approval does not count: alice authored the candidate (four-eyes rule)")));

        ModelRow scoring = row(board, "scoring");
        assertThat(scoring.blockers()).containsExactly(
                new Blocker("evidence.status", "the ethics gate's status is FAIL; stage production accepts PASS,"
                        + " WARN, WAIVED"),
                new Blocker("approvals.quorum", "stage production needs 2 approvals from group scorers, has 0, and"
                        + " only 1 more member may still approve (erin authored the candidate: four-eyes rule)"));

        ModelRow ranker = row(board, "ranker");
        assertThat(ranker.candidateVersion()).isEmpty();
        assertThat(ranker.nextStage()).contains("staging");
        assertThat(ranker.departure()).isEmpty();
        assertThat(ranker.approvals()).containsExactly(new StageApprovals("production", "risk", 2, List.of(),
                List.of(), 2, List.of("alice", "bob", "carol"), false, List.of()));

        assertThat(row(board, "pricing").nextStage()).isEmpty();
        assertThat(row(board, "legacy").stageVersions()).containsExactly(Map.entry("production", 5));
        assertThat(row(board, "legacy").facts().location()).isEmpty();

        assertThat(board.trains()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("release");
            assertThat(t.next()).contains(NEXT);
            assertThat(t.boarding()).extracting(ModelRow::model).containsExactly("fraud");
            assertThat(t.waiting()).extracting(ModelRow::model).containsExactly("credit");
            assertThat(t.blocked()).extracting(ModelRow::model).containsExactly("churn", "scoring");
            assertThat(t.lapsing()).extracting(l -> l.row().model(), l -> l.expiry().what())
                    .containsExactly(tuple("fraud", "waiver of ethics:fairness:* approved by carol: small group"));
            assertThat(t.disagreement()).isEmpty();
        });
    }

    @Test
    @DisplayName("after Tuesday's cut-off: a quorum not reached by it, or reached only after it, and a candidate"
            + " registered after it, cannot board; each is named with the following departure")
    void cutoffPassed() {
        Instant tuesday = Instant.parse("2026-12-08T10:00:00Z");
        ModelFacts late = facts("late", "risk", road(), registry(Map.of("staging", 1),
                        List.of(version("late", 1, "dana", "2026-12-08T09:15:00Z")),
                        List.of(approve("late", "alice", "2026-12-08T09:20:00Z"),
                                approve("late", "bob", "2026-12-08T09:25:00Z"))),
                candidate("late", result("validate", Status.PASS), result("ethics", Status.PASS)), List.of());
        Board board = board(List.of(credit(), fraud("2026-12-08T09:30:00Z"), late), tuesday);

        String following = "; the following departure is Tuesday 2026-12-15 14:00 Europe/Berlin (cut-off Tuesday"
                + " 2026-12-15 10:00 Europe/Berlin)";
        String cutoff = "the cut-off Tuesday 2026-12-08 10:00 Europe/Berlin of the departure Tuesday 2026-12-08"
                + " 14:00 Europe/Berlin";
        assertThat(row(board, "credit").blockers()).containsExactly(new Blocker("train.cutoff",
                "the quorum of 2 approvals was not reached by " + cutoff + " (1 by then)" + following));
        // bob approved at 09:30 UTC, half an hour after the 09:00 UTC cut-off: two approvals count, one by then
        assertThat(row(board, "fraud").approvals().get(0).stillNeeded()).isZero();
        assertThat(row(board, "fraud").blockers()).containsExactly(new Blocker("train.cutoff",
                "the quorum of 2 approvals was not reached by " + cutoff + " (1 by then)" + following));
        assertThat(row(board, "late").blockers()).containsExactly(
                new Blocker("train.cutoff", "the candidate was registered at 2026-12-08T09:15:00Z, after " + cutoff
                        + following),
                new Blocker("train.cutoff", "the quorum of 2 approvals was not reached by " + cutoff
                        + " (0 by then)" + following));
        assertThat(board.counts().get(BoardStatus.BLOCKED)).isEqualTo(3);
        assertThat(board.trains().get(0).blocked()).extracting(ModelRow::model)
                .containsExactly("credit", "fraud", "late");
    }

    @Test
    @DisplayName("two models whose waivers read alike: the train lists each model's lapse under its own name")
    void lapsesKeepTheirModel() {
        ModelFacts fraud = fraud("2026-12-01T12:00:00Z");
        ModelFacts twin = new ModelFacts("fraud-eu", fraud.team(), fraud.location(), fraud.locationLink(),
                fraud.promotion(), fraud.trainName(), fraud.waivers(), fraud.registry(), fraud.candidate(), List.of());

        Board board = board(List.of(twin, fraud), MONDAY);

        assertThat(board.trains()).singleElement().satisfies(t -> assertThat(t.lapsing())
                .extracting(l -> l.row().model(), l -> l.expiry().what()).containsExactly(
                        tuple("fraud", "waiver of ethics:fairness:* approved by carol: small group"),
                        tuple("fraud-eu", "waiver of ethics:fairness:* approved by carol: small group")));
    }

    @Test
    @DisplayName("without a train a waiver lapses at UTC midnight after its last day, and nothing is flagged as"
            + " lapsing before a departure")
    void waiverWithoutTrain() {
        ModelFacts legacy = legacy();
        ModelFacts waived = new ModelFacts("legacy", legacy.team(), legacy.location(), legacy.locationLink(),
                legacy.promotion(), Optional.empty(), List.of(new io.mlgates.core.policy.Waiver("data:rows", "known",
                Optional.of("carol"), LocalDate.of(2026, 12, 7))), legacy.registry(), legacy.candidate(), List.of());

        ModelRow row = row(board(List.of(waived), MONDAY), "legacy");

        assertThat(row.expiries()).containsExactly(new Expiry(Expiry.Kind.WAIVER,
                "waiver of data:rows approved by carol: known", Instant.parse("2026-12-08T00:00:00Z"), false));
    }

    @Test
    @DisplayName("while a departure is open, a complete candidate boards it: the departure is the open one")
    void openDeparture() {
        Board board = board(List.of(fraud("2026-12-01T12:00:00Z")), Instant.parse("2026-12-08T13:30:00Z"));

        assertThat(row(board, "fraud").status()).isEqualTo(BoardStatus.BOARDING);
        assertThat(row(board, "fraud").departure()).contains(NEXT);
        // the 2026-12-07 waiver lapsed at 12-08 00:00 UTC: no longer in force
        assertThat(row(board, "fraud").expiries()).extracting(Expiry::kind)
                .containsExactly(Expiry.Kind.APPROVAL, Expiry.Kind.APPROVAL, Expiry.Kind.WAIVER);
    }

    @Test
    @DisplayName("a freeze to the end of December moves the next departure to Tuesday 2027-01-05, so both approvals"
            + " lapse before it; a freeze that never ends leaves no departure and blocks")
    void freezes() {
        ReleaseTrain frozen = train(BERLIN, List.of(freeze(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 31),
                "year-end")));
        ModelFacts fraud = fraud("2026-12-01T12:00:00Z");
        ModelFacts inFreeze = facts("fraud", "risk", road(frozen, "risk", BoardFixtures.RISK, 2, false),
                fraud.registry(), fraud.candidate(), fraud.waivers());

        Board board = board(List.of(inFreeze), MONDAY);

        ModelRow row = row(board, "fraud");
        Departure january = new Departure("release", ZonedDateTime.of(2027, 1, 5, 14, 0, 0, 0, BERLIN),
                Instant.parse("2027-01-05T09:00:00Z"));
        assertThat(row.status()).isEqualTo(BoardStatus.BOARDING);
        assertThat(row.departure()).contains(january);
        assertThat(row.expiries()).extracting(Expiry::what, Expiry::beforeDeparture).containsExactly(
                org.assertj.core.groups.Tuple.tuple("waiver of ethics:fairness:* approved by carol: small group", true),
                org.assertj.core.groups.Tuple.tuple("alice's approval for production", true),
                org.assertj.core.groups.Tuple.tuple("bob's approval for production", true),
                org.assertj.core.groups.Tuple.tuple("waiver of data:dropped_rows approved by carol: known gap", false));
        assertThat(board.trains().get(0).lapsing()).hasSize(3);

        ReleaseTrain forever = train(BERLIN, List.of(freeze(LocalDate.of(2026, 12, 1), LocalDate.of(2030, 12, 31),
                "migration")));
        Board stuck = board(List.of(facts("fraud", "risk", road(forever, "risk", BoardFixtures.RISK, 2, false),
                fraud.registry(), fraud.candidate(), List.of())), MONDAY);
        assertThat(row(stuck, "fraud").blockers()).containsExactly(new Blocker("train.freeze", "stage production"
                + " rides train release, and no departure is scheduled outside its freezes"));
        assertThat(stuck.trains().get(0).next()).isEmpty();
    }

    @Test
    @DisplayName("two models naming train release with different schedules: the train says so and names who writes"
            + " which; its next departure is the earliest")
    void scheduleDisagreement() {
        ModelFacts credit = credit();
        ModelFacts utc = facts("credit", "risk", road(train(ZoneId.of("UTC"), List.of()), "risk", BoardFixtures.RISK,
                2, false), credit.registry(), credit.candidate(), List.of());

        Board board = board(List.of(fraud("2026-12-01T12:00:00Z"), utc), MONDAY);

        TrainView release = board.trains().get(0);
        assertThat(release.disagreement()).contains("the models riding train release write different schedules"
                + " for it; each promotion follows its own policy's: credit: UTC, tuesday 14:00, window 1h, cut-off 4h;"
                + " fraud: Europe/Berlin, tuesday 14:00, window 1h, cut-off 4h");
        assertThat(release.next()).contains(NEXT); // 13:00 UTC in Berlin comes before 14:00 UTC
    }

    @Test
    @DisplayName("on a stage that counts only verified approvals, a declared approval is set aside and a signed one"
            + " counts, its signature left to the promotion to verify")
    void verifiedOnly() {
        Approval declared = approve("credit", "carol", "2026-12-02T09:00:00Z");
        Approval signed = new Approval("credit", BoardFixtures.digest("credit"), "production", "bob",
                Approval.Decision.APPROVE, "reviewed", Instant.parse("2026-12-03T09:00:00Z"),
                Optional.of(new Approval.Signature("statement", "armored", "SHA256:key")));
        ModelFacts facts = facts("credit", "risk", road(BoardFixtures.TRAIN, "risk", BoardFixtures.RISK, 2, true),
                registry(Map.of("staging", 2), List.of(version("credit", 2, "dana", "2026-12-01T09:00:00Z")),
                        List.of(declared, signed)),
                candidate("credit", result("validate", Status.PASS), result("ethics", Status.PASS)), List.of());

        ModelRow row = row(board(List.of(facts), MONDAY), "credit");

        assertThat(row.status()).isEqualTo(BoardStatus.WAITING);
        assertThat(row.approvals()).containsExactly(new StageApprovals("production", "risk", 2, List.of("bob"),
                List.of(), 1, List.of("alice", "carol"), true, List.of("carol's approval does not count: stage"
                        + " production counts only verified approvals, and it is declared")));
    }

    @Test
    @DisplayName("a model the caller did not pass is neither shown nor counted; filters count only what they let"
            + " through")
    void permissionAndFilters() {
        List<ModelFacts> visible = all().stream().filter(f -> !f.model().equals("credit")).toList();
        Board hidden = board(visible, MONDAY);
        assertThat(hidden.models()).extracting(ModelRow::model).doesNotContain("credit");
        assertThat(hidden.counts().get(BoardStatus.WAITING)).isZero();
        assertThat(hidden.trains().get(0).waiting()).isEmpty();

        Board risk = Boards.judge(all(), MONDAY, new BoardFilter(Optional.of("risk"), Optional.empty(),
                Optional.empty(), Optional.empty()));
        assertThat(risk.models()).extracting(ModelRow::model).containsExactly("credit", "fraud", "scoring");
        assertThat(risk.counts()).containsEntry(BoardStatus.BOARDING, 1).containsEntry(BoardStatus.WAITING, 1)
                .containsEntry(BoardStatus.BLOCKED, 1).containsEntry(BoardStatus.READY, 0);

        Board blocked = Boards.judge(all(), MONDAY, new BoardFilter(Optional.empty(), Optional.empty(),
                Optional.of(BoardStatus.BLOCKED), Optional.empty()));
        assertThat(blocked.models()).extracting(ModelRow::model).containsExactly("churn", "scoring");
        assertThat(blocked.trains().get(0).boarding()).isEmpty();

        Board staging = Boards.judge(all(), MONDAY, new BoardFilter(Optional.empty(), Optional.of("staging"),
                Optional.empty(), Optional.empty()));
        assertThat(staging.models()).extracting(ModelRow::model).containsExactly("ranker");

        // legacy's policy has no train
        Board release = Boards.judge(all(), MONDAY, new BoardFilter(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("release")));
        assertThat(release.models()).extracting(ModelRow::model).doesNotContain("legacy").hasSize(6);
        assertThat(Boards.judge(all(), MONDAY, new BoardFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("nightly"))).trains()).isEmpty();
    }

    @Test
    @DisplayName("a filter reads from query parameters; a bad one names the parameter and what it accepts")
    void filterParameters() throws Exception {
        assertThat(BoardFilter.parse(Map.of("team", List.of("Risk Analytics"), "status", List.of("Blocked"),
                "stage", List.of(""), "other", List.of("x")))).isEqualTo(new BoardFilter(Optional.of("Risk Analytics"),
                Optional.empty(), Optional.of(BoardStatus.BLOCKED), Optional.empty()));
        assertThat(BoardFilter.parse(Map.of())).isEqualTo(BoardFilter.all());
        assertThat(new BoardFilter(Optional.of("Risk Analytics"), Optional.of("production"),
                Optional.of(BoardStatus.WAITING), Optional.of("release")).query())
                .isEqualTo("team=Risk+Analytics&stage=production&status=WAITING&train=release");

        assertThat(problem(Map.of("status", List.of("blockd")))).isEqualTo("status: expected one of blocked,"
                + " waiting, boarding, ready, released, no_candidate (any case), got 'blockd'");
        assertThat(problem(Map.of("stage", List.of("Production")))).isEqualTo("stage: expected a stage name:"
                + " lower-case letters, digits and dashes, starting with a letter, at most 63 characters, got"
                + " 'Production'");
        assertThat(problem(Map.of("train", List.of("a b")))).startsWith("train: expected a train name");
        assertThat(problem(Map.of("team", List.of("risk\n")))).isEqualTo("team: expected a team name: letters,"
                + " digits, spaces, '.', '_' and '-', starting and ending with a letter or digit, at most 64"
                + " characters, got 'risk\\u000a'");
        assertThat(problem(Map.of("team", List.of("a", "b")))).isEqualTo("team: given 2 times; give it at most once");
    }

    private static String problem(Map<String, List<String>> parameters) {
        BoardFilterException e = catchThrowableOfType(BoardFilterException.class, () -> BoardFilter.parse(parameters));
        assertThat(e).isNotNull();
        assertThat(parameters).containsKey(e.parameter());
        return e.getMessage();
    }
}
