package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import java.io.IOException;
import java.io.InputStream;

/** Shim of the plain-credentials plugin's {@code FileCredentials}: a secret file. */
public interface FileCredentials extends StandardCredentials {
    /** The file's bytes. */
    InputStream getContent() throws IOException;
}
