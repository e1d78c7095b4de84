package com.cloudbees.jenkins.plugins.sshcredentials;

import hudson.util.Secret;
import java.util.List;

/** Shim of the ssh-credentials plugin's {@code SSHUserPrivateKey}: "SSH Username with private key". */
public interface SSHUserPrivateKey extends SSHUser {
    /** The passphrase the keys are encrypted with; null or empty when they are not. */
    Secret getPassphrase();

    /** The private keys, each in the text form it was entered in (OpenSSH's or PEM). */
    List<String> getPrivateKeys();
}
