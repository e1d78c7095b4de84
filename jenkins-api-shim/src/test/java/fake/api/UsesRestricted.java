package fake.api;

/** The reference tags internal() @restricted. */
public class UsesRestricted {
    public void internal() {
    }
}
