package io.mlgates.plugin.logic.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.mlgates.core.board.GateResultRef;
import io.mlgates.core.board.LatestCandidate;
import io.mlgates.core.board.ModelFacts;
import io.mlgates.core.board.PendingDecision;
import io.mlgates.core.gate.Status;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.policy.Waiver;
import io.mlgates.plugin.logic.StoredResults;
import io.mlgates.plugin.logic.TeamRegistry;
import io.mlgates.plugin.logic.TrendIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board's facts from jobs' folders and no registry: what is read, grouped, hidden, and left off with a reason. */
class BoardFactsSourceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    private static final String C1 = "sha256:" + "1".repeat(64);
    private static final String C2 = "sha256:" + "2".repeat(64);
    private static final Predicate<String> EVERYONE = name -> true;

    @TempDir
    Path root;
    private Jobs jobs;
    private ExecutorService executor;
    /** No registry yet: the embedded file was never written. */
    private final TeamRegistry none = new TeamRegistry() {
        @Override
        public io.mlgates.core.registry.ModelRegistry open() {
            throw new AssertionError("the board never opens a registry to write");
        }

        @Override
        public Optional<io.mlgates.core.registry.ModelRegistry> openToRead(String model) {
            return Optional.empty();
        }
    };

    @BeforeEach
    void setUp() {
        jobs = new Jobs(root);
        executor = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    private BoardFactsSource source() {
        return source(BoardFactsSource.Limits.defaults());
    }

    private BoardFactsSource source(BoardFactsSource.Limits limits) {
        return new BoardFactsSource(jobs, () -> none, executor, CLOCK, limits);
    }

    /**
     * Build 1 judged candidate 1; build 2 candidate 2 (validate WARN, ethics FAIL); build 3 ran only ethics again on
     * candidate 2 (PASS). The newest candidate is 2, labelled with build 3; its validate result is build 2's (the
     * newest build that ran that gate on it, as promotion gathers evidence), its ethics result build 3's. A second
     * model of the same job is a row of its own.
     */
    @Test
    void groupsByModelAndTakesTheNewestBuildsCandidateWithEachGatesNewestResultForIt() throws Exception {
        JobRef job = jobs.job("team/credit");
        String policy = Jobs.keep(job, Jobs.POLICY);
        Jobs.line(job, 1, "validate", "validate", "PASS", "credit-risk", C1, policy, "2026-11-28T10:00:00Z");
        Jobs.line(job, 1, "ethics", "ethics", "PASS", "credit-risk", C1, policy, "2026-11-28T10:01:00Z");
        Jobs.line(job, 2, "validate", "validate", "WARN", "credit-risk", C2, policy, "2026-11-29T10:00:00Z");
        Jobs.line(job, 2, "ethics", "ethics", "FAIL", "credit-risk", C2, policy, "2026-11-29T10:01:00Z");
        Jobs.line(job, 2, "churn", "validate", "PASS", "churn", C1, LoadedPolicy.EMPTY_DIGEST,
                "2026-11-29T10:02:00Z");
        Jobs.line(job, 3, "ethics", "ethics", "PASS", "credit-risk", C2, policy, "2026-11-30T10:00:00Z");

        VisibleFacts facts = source().visible(EVERYONE);

        assertThat(facts.problems()).isEmpty();
        assertThat(facts.registryProblem()).isEmpty();
        assertThat(facts.models()).extracting(ModelFacts::model).containsExactly("churn", "credit-risk");
        ModelFacts credit = facts.models().get(1);
        assertThat(credit.location()).contains("team/credit");
        assertThat(credit.locationLink()).contains("job/team/job/credit/");
        LatestCandidate candidate = credit.candidate().orElseThrow();
        assertThat(candidate.digest()).isEqualTo(C2);
        assertThat(candidate.label()).isEqualTo("build #3");
        assertThat(candidate.link()).contains("job/team/job/credit/3/");
        assertThat(candidate.results()).extracting(GateResultRef::gate, GateResultRef::id, GateResultRef::status,
                GateResultRef::judgedAt, GateResultRef::link).containsExactly(
                tuple("validate", "validate", Status.WARN, Optional.of(Instant.parse("2026-11-29T10:00:00Z")),
                        Optional.of("job/team/job/credit/2/mlgates/validate/")),
                tuple("ethics", "ethics", Status.PASS, Optional.of(Instant.parse("2026-11-30T10:00:00Z")),
                        Optional.of("job/team/job/credit/3/mlgates/ethics/")));
        // the policy, read by the digest the newest line names
        assertThat(credit.team()).contains("credit");
        assertThat(credit.trainName()).contains("tuesday-train");
        assertThat(credit.promotion().stages()).extracting(StagePolicy::name).containsExactly("staging",
                "production");
        assertThat(credit.promotion().members("risk-officers")).containsExactly("priya", "tomas");
        assertThat(credit.waivers()).extracting(Waiver::check, Waiver::expires)
                .containsExactly(tuple("docs:model_card", LocalDate.of(2027, 1, 31)));
        // judged without a policy file: every default, no team, no train
        ModelFacts churn = facts.models().get(0);
        assertThat(churn.team()).isEmpty();
        assertThat(churn.trainName()).isEmpty();
        assertThat(churn.candidate().orElseThrow().results()).extracting(GateResultRef::id).containsExactly("churn");
    }

    /**
     * A model judged in a readable and a hidden job shows what the readable one holds, though the hidden one is
     * newer; a model only the hidden job judges is neither returned nor counted, and the hidden job's files are not
     * read (its index, garbage, would be named as a problem if they were).
     */
    @Test
    void aHiddenJobsModelsAreNeitherReturnedNorCountedNorItsFilesRead() throws Exception {
        JobRef open = jobs.job("open");
        JobRef hidden = jobs.job("hidden");
        String policy = Jobs.keep(open, Jobs.POLICY);
        Jobs.line(open, 1, "validate", "validate", "PASS", "credit-risk", C1, policy, "2026-11-28T10:00:00Z");
        Jobs.line(hidden, 5, "validate", "validate", "FAIL", "credit-risk", C2, policy, "2026-11-30T10:00:00Z");
        Jobs.line(hidden, 5, "secret", "validate", "PASS", "secret-model", C2, policy, "2026-11-30T10:00:00Z");
        Jobs.oldLine(hidden, 6, "validate", "PASS");
        List<String> asked = new ArrayList<>();
        Predicate<String> mayRead = name -> {
            asked.add(name);
            return !name.equals("hidden");
        };
        BoardFactsSource source = source();

        VisibleFacts facts = source.visible(mayRead);

        assertThat(facts.models()).extracting(ModelFacts::model).containsExactly("credit-risk");
        assertThat(facts.models().get(0).candidate().orElseThrow().digest()).isEqualTo(C1);
        assertThat(facts.models().get(0).location()).contains("open");
        assertThat(facts.problems()).isEmpty();
        assertThat(asked).containsExactlyInAnyOrder("open", "hidden");
        assertThat(source.kept().jobs()).as("the hidden job's index was not read").isEqualTo(1);

        assertThat(source.anyVisible(name -> name.equals("hidden"))).isTrue();
        assertThat(source.anyVisible(name -> false)).isFalse();
        JobRef unused = jobs.job("no-gates");
        assertThat(source.anyVisible(name -> name.equals(unused.fullName()))).as("a job whose gates never ran")
                .isFalse();
        assertThat(source.visible(name -> name.equals("hidden")).models()).extracting(ModelFacts::model)
                .containsExactly("credit-risk", "secret-model");
    }

    @Test
    void aModelJudgedInTwoReadableJobsComesFromTheOneTheControllerKeptLast() throws Exception {
        JobRef main = jobs.job("repo/main");
        JobRef branch = jobs.job("repo/feature");
        String policy = Jobs.keep(main, Jobs.POLICY);
        Jobs.keep(branch, Jobs.POLICY);
        Jobs.line(main, 40, "validate", "validate", "PASS", "credit-risk", C1, policy, "2026-11-30T10:00:00Z");
        Jobs.line(branch, 3, "validate", "validate", "FAIL", "credit-risk", C2, policy, "2026-11-30T11:00:00Z");

        ModelFacts facts = source().visible(EVERYONE).models().get(0);

        assertThat(facts.location()).contains("repo/feature");
        assertThat(facts.candidate().orElseThrow().link()).contains("job/repo/job/feature/3/");
    }

    /**
     * Lines written before the index named models stay readable (the trend shows them) but cannot be placed on the
     * board: a job with only such lines is named in a problem; one with newer lines too shows its models from those.
     */
    @Test
    void oldLinesWithoutTheNewFieldsAreReadAndLeftOffTheBoardWithAReason() throws Exception {
        JobRef old = jobs.job("old");
        Jobs.oldLine(old, 1, "validate", "PASS");
        Jobs.oldLine(old, 2, "validate", "WARN");
        JobRef mixed = jobs.job("mixed");
        Jobs.oldLine(mixed, 1, "validate", "PASS");
        String policy = Jobs.keep(mixed, Jobs.POLICY);
        Jobs.line(mixed, 2, "validate", "validate", "PASS", "credit-risk", C1, policy, "2026-11-30T10:00:00Z");

        VisibleFacts facts = source().visible(EVERYONE);

        assertThat(TrendIndex.in(old.buildsFolder()).recent(10)).extracting(e -> e.getBuild()).containsExactly(1, 2);
        assertThat(facts.models()).extracting(ModelFacts::model).containsExactly("credit-risk");
        assertThat(facts.problems()).containsExactly("job 'old': its trend index has 2 lines written before the"
                + " index named models; it shows on the board once a gate runs in it again");
    }

    /**
     * The newest line names a policy digest with no copy at job level: the build's own copy is read instead; with
     * neither, the model is left off and the problem names the job, the model and the digest; a copy kept later is
     * found (a missing copy is not remembered).
     */
    @Test
    void aPolicyDigestWithNoCopyLeavesTheModelOffWithAReasonUntilACopyIsThere() throws Exception {
        JobRef job = jobs.job("credit");
        String digest = io.mlgates.core.policy.PolicyLoader.digest(Jobs.POLICY.getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        Jobs.line(job, 7, "validate", "validate", "PASS", "credit-risk", C1, digest, "2026-11-30T10:00:00Z");
        BoardFactsSource source = source();

        VisibleFacts without = source.visible(EVERYONE);

        assertThat(without.models()).isEmpty();
        assertThat(without.problems()).singleElement().asString().startsWith("job 'credit', model 'credit-risk': the"
                + " policy " + digest + " that judged build #7 has no intact copy");

        StoredResults.writePolicy(job.buildsFolder().resolve("7"), "validate", Jobs.POLICY);
        assertThat(source.visible(EVERYONE).models()).extracting(ModelFacts::team)
                .containsExactly(Optional.of("credit"));
    }

    @Test
    void anEditedCopyIsNoCopyAndADigestThatIsNoDigestIsNamed() throws Exception {
        JobRef job = jobs.job("credit");
        String digest = Jobs.keep(job, Jobs.POLICY);
        Path copy = PolicyCopies.in(job.buildsFolder()).file(digest).orElseThrow();
        Files.writeString(copy, Jobs.POLICY.replace("priya", "mallory"));
        Jobs.line(job, 1, "validate", "validate", "PASS", "credit-risk", C1, digest, "2026-11-30T10:00:00Z");
        JobRef odd = jobs.job("odd");
        Jobs.line(odd, 1, "validate", "validate", "PASS", "odd-model", C1, "../../etc/passwd", "2026-11-30T10:00:00Z");

        VisibleFacts facts = source().visible(EVERYONE);

        assertThat(facts.models()).isEmpty();
        assertThat(facts.problems()).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("job 'credit', model"
                + " 'credit-risk': the policy " + digest + " that judged build #1 has no intact copy"))
                .anySatisfy(p -> assertThat(p).isEqualTo("job 'odd', model 'odd-model': its newest result names the"
                        + " policy digest '../../etc/passwd', which is not a SHA-256 digest; the model is left off the"
                        + " board"));
    }

    /**
     * A job's models are read again only when its index changed: content rewritten with the same size, time and file
     * is not seen (so the models came from the cache), an appended line is.
     */
    @Test
    void aJobIsReadAgainOnlyWhenItsIndexChanged() throws Exception {
        JobRef job = jobs.job("credit");
        String policy = Jobs.keep(job, Jobs.POLICY);
        Jobs.line(job, 1, "validate", "validate", "PASS", "credit-risk", C1, policy, "2026-11-30T10:00:00Z");
        BoardFactsSource source = source();
        assertThat(source.visible(EVERYONE).models().get(0).candidate().orElseThrow().digest()).isEqualTo(C1);

        Path index = job.buildsFolder().resolve(TrendIndex.FILE_NAME);
        FileTime modified = Files.getLastModifiedTime(index);
        String text = Files.readString(index);
        Files.writeString(index, text.replace(C1, C2), StandardOpenOption.TRUNCATE_EXISTING);
        Files.setLastModifiedTime(index, modified);
        assertThat(source.visible(EVERYONE).models().get(0).candidate().orElseThrow().digest())
                .as("same identity: kept").isEqualTo(C1);

        Jobs.line(job, 2, "validate", "validate", "FAIL", "credit-risk", C2, policy, "2026-11-30T11:00:00Z");
        ModelFacts after = source.visible(EVERYONE).models().get(0);
        assertThat(after.candidate().orElseThrow().label()).isEqualTo("build #2");
        assertThat(after.candidate().orElseThrow().results()).extracting(GateResultRef::status)
                .containsExactly(Status.FAIL);
    }

    @Test
    void whatIsKeptIsBounded() throws Exception {
        for (int j = 0; j < 12; j++) {
            JobRef job = jobs.job("job-" + j);
            // a policy of its own per job: a policy each
            String policy = Jobs.keep(job, Jobs.POLICY + "# job " + j + "\n");
            Jobs.line(job, 1, "validate", "validate", "PASS", "model-" + j, C1, policy, "2026-11-30T10:00:00Z");
        }
        BoardFactsSource source = source(new BoardFactsSource.Limits(3, 4, 5, Duration.ofSeconds(5)));

        VisibleFacts facts = source.visible(EVERYONE);

        assertThat(facts.models()).hasSize(12);
        assertThat(facts.problems()).isEmpty();
        BoardFactsSource.Kept kept = source.kept();
        assertThat(kept.jobs()).isLessThanOrEqualTo(3);
        assertThat(kept.policies()).isLessThanOrEqualTo(4);
        assertThat(kept.registryEntries()).isLessThanOrEqualTo(5);
        assertThat(source.visible(EVERYONE).models()).hasSize(12);
    }

    /**
     * The job's records of waiting promotions: one of the newest candidate is listed with its page, where Approve
     * and Reject post; one of an older candidate, one whose build was deleted, and one of a model not on the board
     * are not; a file that is no record is named.
     */
    @Test
    void listsTheNewestCandidatesWaitingPromotionsWithTheirPages() throws Exception {
        JobRef job = jobs.job("team/credit");
        String policy = Jobs.keep(job, Jobs.POLICY);
        Jobs.line(job, 4, "validate", "validate", "PASS", "credit-risk", C1, policy, "2026-11-29T10:00:00Z");
        Jobs.line(job, 5, "validate", "validate", "PASS", "credit-risk", C2, policy, "2026-11-30T10:00:00Z");
        WaitingPromotions waiting = WaitingPromotions.in(job.buildsFolder());
        waiting.add(new WaitingPromotion(5, "production", "credit-risk", "production", C2,
                Instant.parse("2026-11-30T10:05:00Z")));
        waiting.add(new WaitingPromotion(5, "staging", "credit-risk", "staging", C2,
                Instant.parse("2026-11-30T10:04:00Z")));
        waiting.add(new WaitingPromotion(4, "production", "credit-risk", "production", C1,
                Instant.parse("2026-11-29T10:05:00Z")));
        waiting.add(new WaitingPromotion(3, "production", "credit-risk", "production", C2,
                Instant.parse("2026-11-28T10:05:00Z"))); // build 3 has no folder: deleted
        waiting.add(new WaitingPromotion(5, "other", "other-model", "production", C2,
                Instant.parse("2026-11-30T10:05:00Z")));
        Files.writeString(job.buildsFolder().resolve(WaitingPromotions.FOLDER).resolve("5-cut.json"), "{\"build\":5");

        VisibleFacts facts = source().visible(EVERYONE);

        assertThat(facts.models().get(0).pending()).extracting(PendingDecision::stage, PendingDecision::label,
                PendingDecision::link, PendingDecision::since).containsExactly(
                tuple("staging", "build #5, promotion staging", "job/team/job/credit/5/mlgates-promotion/staging/",
                        Instant.parse("2026-11-30T10:04:00Z")),
                tuple("production", "build #5, promotion production",
                        "job/team/job/credit/5/mlgates-promotion/production/", Instant.parse("2026-11-30T10:05:00Z")));
        assertThat(facts.problems()).containsExactly("job 'team/credit': mlgates-waiting/5-cut.json is no record of"
                + " a waiting promotion (cut short or edited); its promotion, if it waits, is not listed");
    }

    @Test
    void waitingPromotionsThatCannotBeListedAreNamedAndTheBoardStays() throws Exception {
        JobRef job = jobs.job("credit");
        String policy = Jobs.keep(job, Jobs.POLICY);
        Jobs.line(job, 1, "validate", "validate", "PASS", "credit-risk", C1, policy, "2026-11-30T10:00:00Z");
        Files.writeString(job.buildsFolder().resolve(WaitingPromotions.FOLDER), "not a folder");

        VisibleFacts facts = source().visible(EVERYONE);

        assertThat(facts.models()).extracting(ModelFacts::model).containsExactly("credit-risk");
        assertThat(facts.problems()).singleElement().asString()
                .startsWith("job 'credit': its waiting promotions cannot be listed: ");
    }

    @Test
    void aJobWithoutGatesIsNotOnTheBoard() throws Exception {
        jobs.job("plain");

        assertThat(source().visible(EVERYONE)).isEqualTo(new VisibleFacts(List.of(), Optional.empty(), List.of()));
        assertThat(source().anyVisible(EVERYONE)).isFalse();
    }
}
