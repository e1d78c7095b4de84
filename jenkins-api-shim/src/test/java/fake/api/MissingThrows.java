package fake.api;

/** The reference's load throws IOException. */
public class MissingThrows {
    public void load() {
    }
}
