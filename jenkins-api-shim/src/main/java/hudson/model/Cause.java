package hudson.model;

/** Shim of jenkins-core's {@code hudson.model.Cause}: why a build started. */
public abstract class Cause {
    Cause() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public abstract String getShortDescription();

    /** A build started by a user. */
    public static class UserIdCause extends Cause {
        private UserIdCause(Void shim) {
            throw new UnsupportedOperationException("compile-only shim");
        }

        public String getUserId() {
            throw new UnsupportedOperationException("compile-only shim");
        }

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException("compile-only shim");
        }
    }
}
