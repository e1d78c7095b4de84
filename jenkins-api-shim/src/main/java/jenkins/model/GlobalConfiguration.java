package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/** Shim of jenkins-core's {@code GlobalConfiguration}: a section of Manage Jenkins → System, saved by Jenkins. */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {
    protected GlobalConfiguration() {
        // empty, unlike every method: the plugin's subclasses can be created in its unit tests
    }

    /** Takes the section's part of a submitted Manage Jenkins → System form; a FormException refuses it. */
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
