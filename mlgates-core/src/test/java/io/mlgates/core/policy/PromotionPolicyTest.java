package io.mlgates.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mlgates.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionPolicyTest {
    @TempDir
    Path tmp;

    private LoadedPolicy load(String yaml) throws IOException, BadInputException {
        Path repository = Files.createDirectories(tmp.resolve("credit-risk"));
        Files.writeString(repository.resolve("mlgates.yaml"), yaml);
        return new PolicyLoader().loadFromRepository(repository);
    }

    private List<String> problems(String yaml) throws IOException {
        Path repository = Files.createDirectories(tmp.resolve("credit-risk"));
        Files.writeString(repository.resolve("mlgates.yaml"), yaml);
        PolicyException e = catchThrowableOfType(PolicyException.class,
                () -> new PolicyLoader().loadFromRepository(repository));
        assertThat(e).as("the policy should be rejected").isNotNull();
        return e.problems().stream().map(p -> p.describe("mlgates.yaml")).toList();
    }

    @Test
    @DisplayName("without a promotion section: staging needs the validate gate; production the validate and ethics"
            + " gates and one approval from model-approvers, a group with no members until the policy lists them")
    void defaults() throws Exception {
        PromotionPolicy promotion = load("task: binary\n").policy().promotion();
        assertThat(promotion).isEqualTo(PromotionPolicy.defaults());
        assertThat(promotion.stages()).extracting(StagePolicy::name).containsExactly("staging", "production");
        assertThat(promotion.stages()).allSatisfy(s -> {
            assertThat(s.acceptWarn()).isTrue();
            assertThat(s.acceptWaived()).isTrue();
            assertThat(s.train()).isFalse();
        });
        assertThat(promotion.stages().get(0).gates()).containsExactly("validate");
        assertThat(promotion.stages().get(0).approvals()).isEmpty();
        assertThat(promotion.stages().get(1).gates()).containsExactly("validate", "ethics");
        assertThat(promotion.stages().get(1).approvals()).hasValueSatisfying(a -> {
            assertThat(a.group()).isEqualTo("model-approvers");
            assertThat(a.quorum()).isEqualTo(1);
        });
        assertThat(promotion.groups()).containsExactly(Map.entry("model-approvers", List.of()));
        assertThat(load("promotion:\n  groups:\n    risk: [alice]\n").policy().promotion().groups())
                .containsOnlyKeys("risk", "model-approvers");
        assertThat(promotion.registry()).isEqualTo(".mlgates/registry.db");
        assertThat(promotion.results()).isEqualTo(".mlgates/results");
        assertThat(promotion.fourEyes()).isTrue();
        assertThat(promotion.allowSkipping()).isFalse();
    }

    @Test
    @DisplayName("every key of the promotion section is read into its record")
    void everyKey() throws Exception {
        PromotionPolicy promotion = load("""
                promotion:
                  registry: registry/models.db
                  results: out/results
                  allowSkipping: true
                  fourEyes: false
                  groups:
                    risk: [alice, bob, carol]
                    oncall: [dave, erin, frank, grace]
                  stages:
                    - name: staging
                    - name: production
                      gates: [validate, ethics]
                      accept: [waived]
                      approvals: {group: risk, quorum: 2, expiresAfter: 14d}
                      train: true
                  train:
                    name: risk-weekly
                    timeZone: Europe/Berlin
                    departures:
                      - {day: tuesday, time: "14:00"}
                      - {day: thursday, time: "09:30"}
                    window: 90m
                    cutoff: 4h
                    freezes:
                      - {from: 2026-12-20, until: 2027-01-03, reason: year-end}
                      - {from: "2026-11-27T18:00", until: "2026-11-28T06:00", reason: sale}
                  emergency: {quorum: 3, group: oncall}
                """).policy().promotion();
        assertThat(promotion).isEqualTo(new PromotionPolicy(
                List.of(StagePolicy.of("staging"), new StagePolicy("production", List.of("validate", "ethics"), false,
                        true, Optional.of(new ApprovalRule("risk", 2, Duration.ofDays(14))), true, false, false)),
                true, false,
                Map.of("risk", List.of("alice", "bob", "carol"), "oncall", List.of("dave", "erin", "frank", "grace")),
                Optional.of(new ReleaseTrain("risk-weekly", ZoneId.of("Europe/Berlin"),
                        List.of(new ReleaseTrain.Departure(DayOfWeek.TUESDAY, LocalTime.of(14, 0)),
                                new ReleaseTrain.Departure(DayOfWeek.THURSDAY, LocalTime.of(9, 30))),
                        Duration.ofMinutes(90), Duration.ofHours(4),
                        List.of(new ReleaseTrain.Freeze(LocalDateTime.of(2026, 12, 20, 0, 0),
                                        LocalDateTime.of(2027, 1, 4, 0, 0), "year-end"),
                                new ReleaseTrain.Freeze(LocalDateTime.of(2026, 11, 27, 18, 0),
                                        LocalDateTime.of(2026, 11, 28, 6, 0), "sale")))),
                Optional.of(new EmergencyPath(3, Optional.of("oncall"))),
                "registry/models.db", "out/results"));
    }

    @Test
    @DisplayName("a train that names itself not rides the company train 'release', the schema's default")
    void trainNameDefault() throws Exception {
        ReleaseTrain train = load("""
                promotion:
                  stages: [{name: production, train: true}]
                  train: {timeZone: UTC, departures: [{day: tuesday, time: "14:00"}]}
                """).policy().promotion().train().orElseThrow();
        assertThat(train.name()).isEqualTo("release").isEqualTo(ReleaseTrain.DEFAULT_NAME);
        assertThat(PolicySchema.get().node().at("/$defs/train/properties/name/default").asText())
                .isEqualTo(ReleaseTrain.DEFAULT_NAME);
        // the forms the board's filter checks are the schema's
        assertThat(PolicySchema.get().node().at("/$defs/train/properties/name/pattern").asText())
                .isEqualTo("^" + ReleaseTrain.NAME.pattern() + "$");
        assertThat(PolicySchema.get().node().at("/properties/model/properties/team/pattern").asText())
                .isEqualTo("^" + Policy.TEAM.pattern() + "$");
    }

    @Test
    @DisplayName("a train's name and a model's team that do not fit their form name file, line, column and the form")
    void trainNameAndTeamProblems() throws Exception {
        assertThat(problems("""
                model:
                  team: " risk"
                promotion:
                  stages: [{name: production, train: true}]
                  train:
                    name: Weekly Train
                    timeZone: UTC
                    departures: [{day: tuesday, time: "14:00"}]
                """)).containsExactly(
                "mlgates.yaml:2:9: model.team: expected a team name: letters, digits, spaces, '.', '_' and '-',"
                        + " starting and ending with a letter or digit, at most 64 characters, got ' risk'",
                "mlgates.yaml:6:11: promotion.train.name: expected a train name: lower-case letters, digits and"
                        + " dashes, starting with a letter, at most 63 characters, got 'Weekly Train'");
        assertThat(problems("model: {team: 7}\npromotion:\n  train: {name: '', timeZone: UTC, departures: [{day:"
                + " monday, time: '09:00'}]}\n")).containsExactly(
                "mlgates.yaml:1:15: model.team: expected a string, got number 7",
                "mlgates.yaml:3:17: promotion.train.name: expected a train name: lower-case letters, digits and"
                        + " dashes, starting with a letter, at most 63 characters, got ''");
        assertThat(problems("model: {team: " + "t".repeat(65) + "}\n")).singleElement().asString()
                .startsWith("mlgates.yaml:1:15: model.team: expected a team name");
    }

    @Test
    @DisplayName("a model's team is read as written; without one the policy names none")
    void team() throws Exception {
        assertThat(load("model: {team: Risk Analytics-2}\n").policy().team()).contains("Risk Analytics-2");
        assertThat(load("task: binary\n").policy().team()).isEmpty();
    }

    @Test
    @DisplayName("an approval needs only its group: quorum 1 and 30 days by default")
    void approvalDefaults() throws Exception {
        StagePolicy production = load("""
                promotion:
                  groups: {risk: [alice]}
                  stages: [{name: production, approvals: {group: risk}}]
                """).policy().promotion().stages().get(0);
        assertThat(production.approvals()).contains(new ApprovalRule("risk", 1, Duration.ofDays(30)));
    }

    @Test
    @DisplayName("schema problems in the promotion section name file, line, column and what was expected")
    void schemaProblems() throws Exception {
        assertThat(problems("""
                promotion:
                  stages:
                    - name: Production
                      gates: [validate, validaet]
                      aproovals: {group: risk}
                  train:
                    timeZone: UTC
                    departures: [{day: tuesday, time: "2pm"}]
                    cutoff: 2 hours
                """)).containsExactly(
                "mlgates.yaml:3:13: promotion.stages[0].name: expected a stage name: lower-case letters, digits and"
                        + " dashes, starting with a letter, at most 63 characters, got 'Production'",
                "mlgates.yaml:4:25: promotion.stages[0].gates[1]: expected one of 'validate', 'ethics', got"
                        + " 'validaet'; did you mean 'validate'?",
                "mlgates.yaml:5:7: unknown key 'aproovals' in promotion.stages[0]; did you mean 'approvals'? Allowed"
                        + " keys: name, gates, accept, acceptOverrides, approvals, train, identity",
                "mlgates.yaml:8:39: promotion.train.departures[0].time: expected a time of day as HH:MM, 24-hour, got"
                        + " '2pm'",
                "mlgates.yaml:9:13: promotion.train.cutoff: expected a duration: a whole number followed by m, h or"
                        + " d, such as 30m, 4h or 14d, got '2 hours'");
    }

    @Test
    @DisplayName("rules beyond the schema: distinct stages, defined groups, reachable quorums, a train to ride, real"
            + " zones and dates")
    void ruleProblems() throws Exception {
        assertThat(problems("""
                promotion:
                  groups: {risk: [alice, bob]}
                  stages:
                    - name: staging
                    - name: staging
                    - name: production
                      approvals: {group: rsik, quorum: 2}
                      train: true
                    - name: canary
                      approvals: {group: risk, quorum: 3}
                  emergency: {quorum: 2, group: risk}
                  registry: ../registry.db
                """)).containsExactly(
                "mlgates.yaml:5:13: promotion.stages[1].name: stage 'staging' is listed twice (also at"
                        + " promotion.stages[0]); stage names must be distinct",
                "mlgates.yaml:7:26: promotion.stages[2].approvals.group: group 'rsik' is not defined under"
                        + " promotion.groups; did you mean 'risk'? (defined: risk)",
                "mlgates.yaml:8:14: promotion.stages[2].train: the stage rides the release train, but promotion.train"
                        + " defines none; add promotion.train or set train: false",
                "mlgates.yaml:10:40: promotion.stages[3].approvals.quorum: quorum 3 is more than the 2 distinct"
                        + " members of group 'risk'; it could never be reached",
                "mlgates.yaml:12:13: promotion.registry: '../registry.db' leads out of the model repository; paths"
                        + " in a policy must stay inside it");
    }

    @Test
    @DisplayName("a train's time zone must exist, a freeze must end after it starts on dates that exist, and an"
            + " emergency path needs a group where a train stage has none")
    void trainProblems() throws Exception {
        assertThat(problems("""
                promotion:
                  stages: [{name: production, train: true}]
                  emergency: {quorum: 2}
                  train:
                    timeZone: Europe/Berln
                    departures: [{day: tuesday, time: "14:00"}]
                    freezes:
                      - {from: 2026-02-30, until: 2026-03-02, reason: x}
                      - {from: 2026-12-24, until: 2026-12-23, reason: y}
                """)).containsExactly(
                "mlgates.yaml:3:3: promotion.emergency: name a group: a stage that rides the train has no approval"
                        + " group to take the emergency approvers from",
                "mlgates.yaml:5:15: promotion.train.timeZone: 'Europe/Berln' is not a time zone; expected an IANA name"
                        + " such as Europe/Berlin, or UTC; did you mean 'Europe/Berlin'?",
                "mlgates.yaml:8:16: promotion.train.freezes[0].from: '2026-02-30' is not a date that exists",
                "mlgates.yaml:9:35: promotion.train.freezes[1]: the freeze ends before it starts; until must be after"
                        + " from (a date as until means the end of that day)");
    }
}
