package org.kohsuke.stapler.export;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

/** Shim of Stapler's {@code ExportedBean}: a class whose {@link Exported} properties the remote API serves. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
@Inherited
@Indexed
public @interface ExportedBean {
    /** The visibility of the bean's properties whose {@link Exported} names none (Stapler's default: 1). */
    int defaultVisibility() default 1;
}
