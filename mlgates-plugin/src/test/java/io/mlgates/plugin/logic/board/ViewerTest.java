package io.mlgates.plugin.logic.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.board.ModelRow;
import io.mlgates.core.board.PendingDecision;
import io.mlgates.plugin.logic.promotion.IdComparison;
import io.mlgates.plugin.logic.promotion.JenkinsUser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Whom the board offers the decision forms: fraud-detector needs one more approval for production from omar or a
 * member of the fraud-leads group (priya's already counts; the author is not among those who may still approve).
 */
class ViewerTest {
    private static final ModelRow WAITING = BoardFixtures.waiting();
    private static final PendingDecision PENDING = WAITING.facts().pending().get(0);

    private static Viewer user(String id, String... groups) {
        return new Viewer(Optional.of(new JenkinsUser(id, List.of(groups))), IdComparison.EXACT);
    }

    @Test
    void aMemberWhoseApprovalWouldCountIsOfferedTheForms() {
        assertThat(user("omar").mayDecide(WAITING, PENDING)).isTrue();
        assertThat(user("lena", "fraud-leads").mayDecide(WAITING, PENDING)).as("through a realm group").isTrue();
    }

    @Test
    void nobodyElseIs() {
        assertThat(Viewer.anonymous().mayDecide(WAITING, PENDING)).as("anonymous").isFalse();
        assertThat(user("ana").mayDecide(WAITING, PENDING)).as("the author, not among those who may").isFalse();
        assertThat(user("priya", "fraud-leads").mayDecide(WAITING, PENDING)).as("already counted").isFalse();
        assertThat(user("Omar").mayDecide(WAITING, PENDING)).as("ids compared as the realm does").isFalse();
    }

    @Test
    void notWhenTheQuorumIsReachedOrForAnotherStage() {
        ModelRow boarding = BoardFixtures.boarding();
        assertThat(user("omar").mayDecide(boarding, new PendingDecision("production", "build #8", "job/growth/8/",
                BoardFixtures.NOW))).isFalse();
        assertThat(user("omar").mayDecide(WAITING, new PendingDecision("staging", "build #42", "job/x/42/",
                BoardFixtures.NOW))).isFalse();
    }

    @Test
    void idsAreComparedAsTheRealmCompares() {
        IdComparison caseInsensitive = new IdComparison() {
            @Override
            public boolean sameUser(String a, String b) {
                return a.equalsIgnoreCase(b);
            }

            @Override
            public boolean sameGroup(String a, String b) {
                return a.equalsIgnoreCase(b);
            }
        };
        assertThat(new Viewer(Optional.of(new JenkinsUser("OMAR", List.of())), caseInsensitive)
                .mayDecide(WAITING, PENDING)).isTrue();
        assertThat(new Viewer(Optional.of(new JenkinsUser("PRIYA", List.of("fraud-leads"))), caseInsensitive)
                .mayDecide(WAITING, PENDING)).as("already counted, in any case").isFalse();
    }
}
