package fake.api;

/** The reference's NotFinal is final. */
public class NotFinal {
}
