package io.mlgates.plugin.logic.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.release.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may decide on a promotion, as the approval handler asks before recording anything. */
class EligibilityTest {
    /** Jenkins' default: ids compared ignoring case. */
    static final IdComparison CASE_INSENSITIVE = new IdComparison() {
        @Override
        public boolean sameUser(String a, String b) {
            return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
        }

        @Override
        public boolean sameGroup(String a, String b) {
            return sameUser(a, b);
        }
    };
    static final StagePolicy PRODUCTION = Road.POLICY.stage("production").orElseThrow();

    private static Eligibility of(JenkinsUser user, Optional<String> starter, String author, IdComparison ids) {
        return Eligibility.of(Road.POLICY, PRODUCTION, false, user, starter, author, ids);
    }

    @Test
    void aMemberByUserIdIsEligibleUnderTheRealmsIdStrategy() {
        JenkinsUser carol = new JenkinsUser("carol", List.of("authenticated"));

        assertThat(of(carol, Optional.of("bob"), "bob", CASE_INSENSITIVE).group()).contains("risk");
        assertThat(of(carol, Optional.of("bob"), "bob", IdComparison.EXACT).refusals()).extracting(Refusal::rule)
                .containsExactly("approvals.group");
    }

    @Test
    void aMemberOfAJenkinsGroupTheApproverGroupNamesIsEligible() {
        JenkinsUser mallory = new JenkinsUser("mallory", List.of("authenticated", "Release-Managers"));

        assertThat(of(mallory, Optional.empty(), "bob", CASE_INSENSITIVE).group()).contains("risk");
        assertThat(of(new JenkinsUser("eve", List.of("authenticated")), Optional.empty(), "bob", CASE_INSENSITIVE)
                .refusals()).extracting(Refusal::rule).containsExactly("approvals.group");
    }

    @Test
    void theUserWhoStartedTheBuildMayNotDecideEvenAsAMember() {
        Eligibility alice = of(new JenkinsUser("Alice", List.of("admins")), Optional.of("alice"), "bob",
                CASE_INSENSITIVE);

        assertThat(alice.eligible()).isFalse();
        assertThat(alice.refusals()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("approvals.fourEyes");
            assertThat(r.message()).contains("started this build");
        });
    }

    @Test
    void theDeclaredAuthorMayNotDecide() {
        Eligibility alice = of(new JenkinsUser("alice", List.of()), Optional.of("jenkins-timer"), "ALICE",
                CASE_INSENSITIVE);

        assertThat(alice.refusals()).extracting(Refusal::message).singleElement().asString()
                .contains("declared author");
    }

    @Test
    void aStageWithoutApprovalsTakesNoDecision() {
        Eligibility staging = Eligibility.of(Road.POLICY, Road.POLICY.stage("staging").orElseThrow(), false,
                new JenkinsUser("alice", List.of()), Optional.empty(), "bob", CASE_INSENSITIVE);

        assertThat(staging.refusals()).extracting(Refusal::rule).containsExactly("approvals.none");
    }
}
