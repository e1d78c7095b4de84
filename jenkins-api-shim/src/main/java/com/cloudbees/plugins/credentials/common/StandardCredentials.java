package com.cloudbees.plugins.credentials.common;

/** Shim of the credentials plugin's {@code StandardCredentials}. */
public interface StandardCredentials extends IdCredentials {
}
