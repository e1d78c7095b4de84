package fake.api;

/** No block, and no block names it. */
public class Unlisted {
}
