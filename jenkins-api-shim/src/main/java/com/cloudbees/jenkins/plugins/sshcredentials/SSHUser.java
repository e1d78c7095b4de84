package com.cloudbees.jenkins.plugins.sshcredentials;

import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;

/** Shim of the ssh-credentials plugin's {@code SSHUser}: named by the reference only as a supertype. */
public interface SSHUser extends StandardUsernameCredentials {
}
