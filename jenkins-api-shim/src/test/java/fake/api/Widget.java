package fake.api;

/** Declared as the fake reference says: the control case. */
public class Widget {
    public Widget() {
    }

    public void resize(long width) {
    }
}
