package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/** Shim of jenkins-core's {@code GlobalConfiguration}: a section of Manage Jenkins → System, saved by Jenkins. */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {
    protected GlobalConfiguration() {
        // empty, unlike every method: the plugin's subclasses can be created in its unit tests
    }
}
