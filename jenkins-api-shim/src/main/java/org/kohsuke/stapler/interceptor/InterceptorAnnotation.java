package org.kohsuke.stapler.interceptor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shim of Stapler's {@code InterceptorAnnotation}. Not itself in reference.txt, but named there as a meta-annotation
 * of {@code RequirePOST}; declared so that its meta line is exact, with the one element it sets.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface InterceptorAnnotation {
    Class<? extends Interceptor> value();
}
