package io.mlgates.plugin;

import hudson.model.Action;
import hudson.model.Run;
import java.util.function.Supplier;

/** A build's one action of a kind, added on first use. */
final class BuildActions {
    /** Two steps of one build may ask at the same moment: they must find the same action, not add two. */
    private static final Object CREATION = new Object();

    private BuildActions() {
    }

    static <A extends Action> A once(Run<?, ?> run, Class<A> type, Supplier<A> create) {
        synchronized (CREATION) {
            A action = run.getAction(type);
            if (action == null) {
                action = create.get();
                run.addAction(action);
            }
            return action;
        }
    }
}
