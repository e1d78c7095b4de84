package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import hudson.model.RootAction;
import io.mlgates.plugin.logic.board.BoardDesk;
import io.mlgates.plugin.logic.board.BoardFixtures;
import io.mlgates.plugin.logic.board.BoardJudge;
import io.mlgates.plugin.logic.board.ModelFactsSource;
import io.mlgates.plugin.logic.board.VisibleFacts;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The board's root action: at {@code …/ml-gates/}, an extension, in the side panel only when the viewer may read a
 * job that uses the steps (the check is the source's, given the viewer's permission), and with no web method of its
 * own: decisions post to the waiting promotion's page, whose handler is the one that checks them.
 */
class BoardActionTest {
    private static BoardAction action(boolean anyVisible, boolean fails) {
        ModelFactsSource source = new ModelFactsSource() {
            @Override
            public VisibleFacts visible(Predicate<String> mayRead) {
                return new VisibleFacts(List.of(), Optional.empty(), List.of());
            }

            @Override
            public boolean anyVisible(Predicate<String> mayRead) throws IOException {
                if (fails) {
                    throw new IOException("index unreadable");
                }
                return anyVisible;
            }
        };
        BoardJudge judge = (facts, now, filter) -> BoardFixtures.board();
        return new BoardAction(() -> new BoardDesk(source, judge, Clock.systemUTC()));
    }

    @Test
    void theBoardIsARootActionAtMlGates() {
        assertThat(RootAction.class).isAssignableFrom(BoardAction.class);
        assertThat(BoardAction.class.isAnnotationPresent(Extension.class)).isTrue();
        assertThat(action(true, false).getUrlName()).isEqualTo("ml-gates");
        assertThat(action(true, false).getDisplayName()).isEqualTo("ML release trains");
    }

    @Test
    void itIsInTheSidePanelOnlyForAViewerWhoMayReadAJobThatUsesTheSteps() {
        assertThat(action(true, false).getIconFileName()).isEqualTo(Icons.GATE);
        assertThat(action(false, false).getIconFileName()).isNull();
        assertThat(action(true, true).getIconFileName()).as("a source that fails hides the entry, never the page")
                .isNull();
    }

    @Test
    void decisionsAreNotTakenHereButOnTheWaitingPromotionsPage() {
        assertThat(Arrays.stream(BoardAction.class.getMethods()).map(Method::getName))
                .noneMatch(n -> n.startsWith("do"));
        assertThat(Arrays.stream(TrainPage.class.getMethods()).map(Method::getName))
                .noneMatch(n -> n.startsWith("do"));
    }
}
