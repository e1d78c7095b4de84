package fake.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Target;

/** The reference's annotation is retained at run time; this one defaults to CLASS, invisible to Jenkins. */
@Target(ElementType.TYPE)
public @interface ClassRetention {
}
