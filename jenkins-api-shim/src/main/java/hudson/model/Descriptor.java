package hudson.model;

import org.kohsuke.stapler.HttpResponse;

/** Shim of jenkins-core's {@code hudson.model.Descriptor}. */
public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {
        // empty, unlike every method: the plugin's subclasses can be created in its unit tests
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Reads the descriptor's saved fields from its XML file in JENKINS_HOME. */
    public synchronized void load() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Writes the descriptor's fields to its XML file in JENKINS_HOME. */
    public synchronized void save() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** A form that cannot be saved: Jenkins shows the message and keeps the form's previous setting. */
    public static final class FormException extends Exception implements HttpResponse {
        /**
         * @param message what is wrong, shown to the user
         * @param formField the field it concerns
         */
        public FormException(String message, String formField) {
            super(message);
        }
    }
}
