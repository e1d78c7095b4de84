package org.kohsuke.stapler.interceptor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shim of Stapler's {@code RequirePOST}: a web method so marked answers only POST requests (Jenkins then checks the
 * crumb), refusing a GET before the method runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
@InterceptorAnnotation(RequirePOST.Processor.class)
public @interface RequirePOST {
    /** Stapler's interceptor that refuses anything but POST. */
    class Processor extends Interceptor {
        private Processor() {
            throw new UnsupportedOperationException("compile-only shim");
        }
    }
}
