package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

/** Shim of the plain-credentials plugin's {@code StringCredentials}: a secret text, such as a token. */
public interface StringCredentials extends StandardCredentials {
    Secret getSecret();
}
