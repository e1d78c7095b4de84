package hudson.remoting;

/** Shim of remoting's {@code hudson.remoting.VirtualChannel}: the channel to the machine a callable runs on. */
public interface VirtualChannel {
}
