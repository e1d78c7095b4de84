package io.jenkins.plugins.checks.api;

import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

/** Shim of checks-api's {@code ChecksPublisherFactory}: the publisher for a build's SCM (GitHub, GitLab...). */
public abstract class ChecksPublisherFactory implements ExtensionPoint {
    private ChecksPublisherFactory() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** A publisher for the build's SCM, or one that publishes nothing when no SCM takes checks. */
    public static ChecksPublisher fromRun(Run<?, ?> run, TaskListener listener) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
