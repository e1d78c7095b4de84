package io.mlgates.core.policy;

/** What to do with a prediction row that cannot be read: stop with an error (the default), or drop and count it. */
public enum InvalidRows {
    ERROR,
    DROP
}
