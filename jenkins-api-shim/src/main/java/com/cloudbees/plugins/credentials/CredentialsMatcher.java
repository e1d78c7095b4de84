package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Shim of the credentials plugin's {@code CredentialsMatcher}: which credentials a look-up keeps. */
public interface CredentialsMatcher extends Serializable {
}
