package hudson;

/** Shim of jenkins-core's {@code hudson.ExtensionPoint}. */
public interface ExtensionPoint {
}
