package fake.api;

/** resize takes a long in the reference. */
public class WrongParameter {
    public void resize(int width) {
    }
}
