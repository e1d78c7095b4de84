package fake.api;

/** Its superclass is outside the reference. */
public class Bridged extends BridgeBase {
}
