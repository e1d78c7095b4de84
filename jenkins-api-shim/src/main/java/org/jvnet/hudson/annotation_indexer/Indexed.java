package org.jvnet.hudson.annotation_indexer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shim of annotation-indexer's {@code Indexed}, which jenkins-core brings and Maven Central does not have at a usable
 * version. Not itself in reference.txt, but named there on the {@code meta} lines of {@code Symbol} and
 * {@code ExportedBean}. The uses of an annotation that carries it are listed in
 * {@code META-INF/services/annotations/<annotation>} by {@link io.mlgates.shim.IndexedProcessor}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Indexed {
}
