package hudson.model;

import java.util.List;

/** Shim of jenkins-core's {@code hudson.model.Actionable}: an object that holds actions. */
public abstract class Actionable extends AbstractModelObject {
    public Actionable() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
