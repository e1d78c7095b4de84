package io.jenkins.plugins.checks.api;

/** Shim of checks-api's {@code ChecksPublisher}. */
public abstract class ChecksPublisher {
    private ChecksPublisher() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public abstract void publish(ChecksDetails details);
}
