package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

/** Shim of jenkins-core's {@code hudson.FilePath}: a file on the controller or on an agent. */
public final class FilePath {
    private FilePath() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Code that runs where the file is. */
    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
