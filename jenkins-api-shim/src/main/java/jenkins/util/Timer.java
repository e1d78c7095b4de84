package jenkins.util;

import java.util.concurrent.ScheduledExecutorService;

/** Shim of jenkins-core's {@code jenkins.util.Timer}: Jenkins' shared scheduler for short tasks. */
public class Timer {
    private Timer() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public static synchronized ScheduledExecutorService get() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
