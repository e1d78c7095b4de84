package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** Shim of jenkins-core's {@code jenkins.model.RunAction2}: an action told which build it belongs to. */
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
