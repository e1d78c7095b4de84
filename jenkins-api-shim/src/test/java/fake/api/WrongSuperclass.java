package fake.api;

/** The reference's WrongSuperclass extends Widget. */
public class WrongSuperclass {
}
