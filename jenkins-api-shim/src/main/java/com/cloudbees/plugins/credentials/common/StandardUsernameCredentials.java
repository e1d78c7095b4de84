package com.cloudbees.plugins.credentials.common;

/** Shim of the credentials plugin's {@code StandardUsernameCredentials}: credentials with an id and a user name. */
public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {
}
