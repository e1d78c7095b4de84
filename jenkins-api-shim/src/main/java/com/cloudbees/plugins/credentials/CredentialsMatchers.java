package com.cloudbees.plugins.credentials;

/** Shim of the credentials plugin's {@code CredentialsMatchers}. */
public class CredentialsMatchers {
    private CredentialsMatchers() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** The first of {@code credentials} that {@code matcher} keeps, or null. */
    public static <C extends Credentials> C firstOrNull(Iterable<C> credentials, CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Keeps the credentials whose id is {@code id}. */
    public static CredentialsMatcher withId(String id) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
