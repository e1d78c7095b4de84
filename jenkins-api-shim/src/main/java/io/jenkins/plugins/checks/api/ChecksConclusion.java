package io.jenkins.plugins.checks.api;

/** Shim of checks-api's {@code ChecksConclusion}: the constants the plugin uses. */
public enum ChecksConclusion {
    FAILURE,
    NEUTRAL,
    SUCCESS
}
