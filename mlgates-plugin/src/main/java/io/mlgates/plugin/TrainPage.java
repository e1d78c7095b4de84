package io.mlgates.plugin;

import hudson.model.Api;
import io.mlgates.plugin.logic.board.TrainScreen;

/**
 * {@code …/ml-gates/train/NAME/}: one release train as the viewer may see it: what boards, what waits, what is blocked
 * and why, what lapses before the departure. Its {@code api/json} is the board of the models that ride it.
 */
public final class TrainPage {
    private final TrainScreen screen;

    TrainPage(TrainScreen screen) {
        this.screen = screen;
    }

    public String getDisplayName() {
        return Messages.get("TrainPage.displayName", screen.name());
    }

    /** The renderer's fragment, escaped there: the view writes it as it is. */
    public String getPageHtml() {
        return screen.getPageHtml();
    }

    public Api getApi() {
        return new Api(new BoardApi(screen.board()));
    }
}
