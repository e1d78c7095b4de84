package io.mlgates.plugin;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Api;
import hudson.model.Item;
import hudson.model.RootAction;
import hudson.model.User;
import io.mlgates.core.board.Boards;
import io.mlgates.plugin.logic.board.BoardDesk;
import io.mlgates.plugin.logic.board.BoardScreen;
import io.mlgates.plugin.logic.board.ModelFactsSource;
import io.mlgates.plugin.logic.board.Viewer;
import io.mlgates.plugin.logic.promotion.JenkinsUser;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.StaplerRequest2;
import org.springframework.security.access.AccessDeniedException;

/**
 * The release-train board, {@code …/ml-gates/}: every model whose job the viewer may read, its stages, latest
 * candidate and gates, approvals, waivers, and the next departure of its train; filtered by the query's parameters;
 * a page per train at {@code …/ml-gates/train/NAME/}; the board as JSON at {@code …/ml-gates/api/json}. In the side
 * panel of the controller's page only for a viewer who may read a job that uses the steps. Decisions are not taken
 * here: the forms post to the waiting promotion's own page, whose handler checks them ({@link PromotionPage}).
 */
@Extension
public final class BoardAction implements RootAction {
    static final String URL_NAME = "ml-gates";
    private static final Logger LOGGER = Logger.getLogger(BoardAction.class.getName());

    private final Supplier<BoardDesk> desk;

    /**
     * As Jenkins creates it: the one source of facts Jenkins holds as an extension (the jobs' indexes and the team
     * registry, with their caches), judged by the core.
     */
    public BoardAction() {
        this(() -> new BoardDesk(ExtensionList.lookupSingleton(ModelFactsSource.class), Boards::judge,
                Clock.systemUTC()));
    }

    BoardAction(Supplier<BoardDesk> desk) {
        this.desk = desk;
    }

    /** The board page for this request: {@code <j:set var="board" value="${it.board(request2)}"/>}. */
    public BoardScreen board(StaplerRequest2 request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
        return desk.get().board(BoardAction::mayRead, parameters, viewer());
    }

    /** {@code …/ml-gates/train/NAME/}: one train's page. */
    public TrainPage getTrain(String name) {
        return new TrainPage(desk.get().train(BoardAction::mayRead, name, viewer()));
    }

    /** {@code …/ml-gates/api/json}: every model the viewer may see, unfiltered. */
    public Api getApi() throws IOException {
        return new Api(new BoardApi(desk.get().board(BoardAction::mayRead, Map.of(), viewer()).board()
                .orElseThrow(() -> new IOException(BoardDesk.UNREADABLE))));
    }

    /**
     * Whether the current user may read the job of that full name. Jenkins answers null for an item the user may not
     * see, and denies one the user may discover but not read.
     */
    static boolean mayRead(String fullName) {
        try {
            Item item = Jenkins.get().getItemByFullName(fullName, Item.class);
            return item != null && item.hasPermission(Item.READ);
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /** The logged-in user with the groups the realm granted, as the promotion page's handler sees them. */
    static Viewer viewer() {
        User user = User.current();
        return new Viewer(user == null ? Optional.empty() : Optional.of(new JenkinsUser(user.getId(),
                PromotionPage.groups())), JenkinsIds.ofRealm());
    }

    /** In the side panel only for a viewer who may read at least one job that uses the steps. */
    @Override
    public String getIconFileName() {
        try {
            return desk.get().anyVisible(BoardAction::mayRead) ? Icons.GATE : null;
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "cannot tell whether the release-train board has a job to show", e);
            return null;
        }
    }

    @Override
    public String getDisplayName() {
        return Messages.get("BoardAction.displayName");
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }
}
