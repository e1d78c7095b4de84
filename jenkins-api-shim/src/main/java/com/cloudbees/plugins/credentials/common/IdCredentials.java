package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Shim of the credentials plugin's {@code IdCredentials}: credentials named by an id. */
public interface IdCredentials extends Credentials {
}
