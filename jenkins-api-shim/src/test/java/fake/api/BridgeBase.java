package fake.api;

/** Named by the reference only as the superclass of Bridged; it may not add members of its own. */
public abstract class BridgeBase {
    public void invented() {
    }
}
