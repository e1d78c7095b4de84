package fake.api;

/**
 * Named by the reference only as the superclass of Bridged; it may not add members of its own, except the protected
 * constructor a subclass in another package needs.
 */
public abstract class BridgeBase {
    protected BridgeBase() {
    }

    public void invented() {
    }
}
