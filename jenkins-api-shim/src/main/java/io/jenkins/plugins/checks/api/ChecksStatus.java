package io.jenkins.plugins.checks.api;

/** Shim of checks-api's {@code ChecksStatus}: the constant the plugin uses. */
public enum ChecksStatus {
    COMPLETED
}
