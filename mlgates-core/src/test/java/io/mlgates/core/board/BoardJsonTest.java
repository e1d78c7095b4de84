package io.mlgates.core.board;

import static io.mlgates.core.board.BoardFixtures.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoardJsonTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    @DisplayName("the board's JSON is shape 1 of docs/board.md: null for what is absent, ISO-8601 moments")
    void shape() throws Exception {
        ModelFacts fraud = BoardFixtures.fraud("2026-12-01T12:00:00Z");
        ModelFacts withPending = new ModelFacts(fraud.model(), fraud.team(), fraud.location(),
                Optional.of("job/fraud/"), fraud.promotion(), fraud.trainName(), fraud.waivers().subList(0, 1),
                fraud.registry(), fraud.candidate(), List.of(new PendingDecision("production",
                "build #12, promotion production", "job/fraud/12/ml-promotions/production/",
                Instant.parse("2026-12-07T09:00:00Z"))));
        Board board = Boards.judge(List.of(withPending, BoardFixtures.legacy()), MONDAY, new BoardFilter(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("release")));

        JsonNode json = mapper.readTree(new BoardJson().toJson(board));

        // legacy rides no train, so the filter leaves fraud alone
        assertThat(json).isEqualTo(mapper.readTree("""
                {
                  "schemaVersion": 1,
                  "asOf": "2026-12-07T10:00:00Z",
                  "filter": {"team": null, "stage": null, "status": null, "train": "release"},
                  "counts": {"BLOCKED": 0, "WAITING": 0, "BOARDING": 1, "READY": 0, "RELEASED": 0,
                             "NO_CANDIDATE": 0},
                  "models": [{
                    "model": "fraud",
                    "team": "risk",
                    "location": "jobs/fraud",
                    "locationLink": "job/fraud/",
                    "train": "release",
                    "status": "BOARDING",
                    "stages": [{"stage": "staging", "version": 3, "train": false},
                               {"stage": "production", "version": null, "train": true}],
                    "candidate": {
                      "digest": "sha256:fraud", "label": "build #12", "link": null, "version": 3,
                      "results": [
                        {"gate": "validate", "id": "validate", "status": "PASS", "judgedAt": null, "link": null},
                        {"gate": "ethics", "id": "ethics", "status": "WAIVED", "judgedAt": null, "link": null}]
                    },
                    "nextStage": "production",
                    "blockers": [],
                    "approvals": [{"stage": "production", "group": "risk", "quorum": 2,
                                   "approvedBy": ["alice", "bob"], "rejectedBy": [], "stillNeeded": 0,
                                   "mayStillApprove": ["carol"], "verifiedOnly": false, "notCounted": []}],
                    "pending": [{"stage": "production", "label": "build #12, promotion production",
                                 "link": "job/fraud/12/ml-promotions/production/", "since": "2026-12-07T09:00:00Z"}],
                    "expiries": [
                      {"kind": "WAIVER", "what": "waiver of ethics:fairness:* approved by carol: small group",
                       "lapses": "2026-12-08T00:00:00Z", "beforeDeparture": true},
                      {"kind": "APPROVAL", "what": "alice's approval for production",
                       "lapses": "2026-12-20T09:00:00Z", "beforeDeparture": false},
                      {"kind": "APPROVAL", "what": "bob's approval for production",
                       "lapses": "2026-12-31T12:00:00Z", "beforeDeparture": false}],
                    "departure": {"train": "release", "departs": "2026-12-08T14:00:00+01:00",
                                  "zone": "Europe/Berlin", "cutoff": "2026-12-08T09:00:00Z"}
                  }],
                  "trains": [{
                    "name": "release",
                    "next": {"train": "release", "departs": "2026-12-08T14:00:00+01:00", "zone": "Europe/Berlin",
                             "cutoff": "2026-12-08T09:00:00Z"},
                    "boarding": ["fraud"], "waiting": [], "blocked": [],
                    "lapsing": [{"model": "fraud", "kind": "WAIVER",
                                 "what": "waiver of ethics:fairness:* approved by carol: small group",
                                 "lapses": "2026-12-08T00:00:00Z", "beforeDeparture": true}],
                    "disagreement": null
                  }]
                }
                """));
    }

    @Test
    @DisplayName("a model without a candidate, location or team is written with nulls, not left out")
    void absentIsNull() throws Exception {
        ModelFacts legacy = BoardFixtures.legacy();
        ModelFacts noTeam = new ModelFacts("legacy", Optional.empty(), Optional.empty(), Optional.empty(),
                legacy.promotion(), Optional.empty(), List.of(), legacy.registry(), Optional.empty(), List.of());

        JsonNode model = mapper.readTree(new BoardJson().toJson(Boards.judge(List.of(noTeam), MONDAY,
                BoardFilter.all()))).path("models").get(0);

        assertThat(model.path("team").isNull()).isTrue();
        assertThat(model.path("location").isNull()).isTrue();
        assertThat(model.path("train").isNull()).isTrue();
        assertThat(model.path("candidate").isNull()).isTrue();
        assertThat(model.path("nextStage").isNull()).isTrue();
        assertThat(model.path("departure").isNull()).isTrue();
        assertThat(model.path("status").asText()).isEqualTo("NO_CANDIDATE");
        assertThat(model.path("stages").toString())
                .isEqualTo("[{\"stage\":\"staging\",\"version\":null,\"train\":false},"
                        + "{\"stage\":\"production\",\"version\":5,\"train\":false}]");
    }

    @Test
    @DisplayName("the table lists every model on a line, then what blocks it, the approvals, what lapses before"
            + " the departure and the trains, with control characters neutralised")
    void table() {
        ModelFacts churn = BoardFixtures.churn();
        ModelFacts sneaky = new ModelFacts("churn\u001b[2J", churn.team(), churn.location(), churn.locationLink(),
                churn.promotion(), churn.trainName(), churn.waivers(), churn.registry(), churn.candidate(),
                churn.pending());
        String table = new BoardTable().render(Boards.judge(List.of(BoardFixtures.fraud("2026-12-01T12:00:00Z"),
                sneaky, BoardFixtures.legacy()), MONDAY, BoardFilter.all()));

        assertThat(table).isEqualToNormalizingNewlines("""
                Board as of 2026-12-07T10:00:00Z: 3 models (blocked 1, waiting 0, boarding 1, ready 0, released 0, \
                no candidate 1)

                MODEL      TEAM    STATUS        STAGES                    CANDIDATE  NEXT        DEPARTURE
                churn?[2J  growth  BLOCKED       staging v1, production -  v1         production  Tue 2026-12-08 \
                14:00 Europe/Berlin
                fraud      risk    BOARDING      staging v3, production -  v3         production  Tue 2026-12-08 \
                14:00 Europe/Berlin
                legacy     growth  NO_CANDIDATE  staging -, production v5  -          -           -

                Blocked
                  churn?[2J  evidence.missing: no result of the ethics gate for this candidate (build #12); stage \
                production needs one: run the gate on it
                             approvals.rejected: carol rejected it at 2026-12-02T08:00:00Z: the 60+ slice is too \
                small to judge

                Approvals
                  churn?[2J  production: 0 of 2 from risk; 2 more needed; may still approve: alice, bob, carol; \
                rejected by carol
                  fraud      production: 2 of 2 from risk (alice, bob)

                Lapsing before the departure
                  fraud  2026-12-08T00:00:00Z  waiver of ethics:fairness:* approved by carol: small group

                Trains
                  release  next Tue 2026-12-08 14:00 Europe/Berlin, cut-off Tue 2026-12-08 10:00 Europe/Berlin; \
                boarding fraud; waiting -; blocked churn?[2J
                """);
    }
}
