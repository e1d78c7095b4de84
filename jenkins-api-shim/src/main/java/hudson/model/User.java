package hudson.model;

/** Shim of jenkins-core's {@code hudson.model.User}: the logged-in user and their id. */
public class User extends AbstractModelObject {
    private User() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    /** The user of the current request or thread; null when anonymous. */
    public static User current() {
        throw new UnsupportedOperationException("compile-only shim");
    }

    public String getId() {
        throw new UnsupportedOperationException("compile-only shim");
    }
}
