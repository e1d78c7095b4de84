package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.ListenableFuture;
import java.io.Serializable;
import java.util.function.Consumer;

/** Shim of workflow-step-api's {@code StepExecution}. */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    protected StepExecution(StepContext context) {
        // empty, unlike every method: the plugin's subclasses can be created in its unit tests
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Starts the step; false when it ends later, through the context. */
    public abstract boolean start() throws Exception;

    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Called after a restart, for an execution that was running. */
    public void onResume() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** Every running execution of the type, loading running builds as needed. */
    public static <T extends StepExecution> ListenableFuture<?> acceptAll(Class<T> type, Consumer<T> c) {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
