package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Shim of the credentials plugin's {@code UsernameCredentials}: named by the reference only as a supertype. */
public interface UsernameCredentials extends Credentials {
}
