package io.mlgates.shim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.shim.reference.ReferenceFile;
import io.mlgates.shim.reference.ReferenceList;
import io.mlgates.shim.reference.ShimChecker;
import io.mlgates.shim.reference.ShimClasses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shim may be smaller than Jenkins 2.568.2, never different: every class and member is in reference.txt. */
class ShimMatchesReferenceTest {
    private static final ReferenceList REFERENCE = ReferenceFile.load();

    @Test
    void everyShimClassAndMemberIsInTheReference() {
        List<Class<?>> shim = ShimClasses.all();
        ShimChecker checker = new ShimChecker(REFERENCE);
        shim.forEach(checker::check);

        checker.notes().forEach(note -> System.out.println("note: " + note));
        System.out.printf("jenkins-api-shim: %d classes (%d outside the reference as named supertypes or"
                        + " meta-annotations: %s), %d public or protected members checked against %d reference"
                        + " blocks%n", checker.classesChecked(), checker.bridges().size(), checker.bridges(),
                checker.membersChecked(), REFERENCE.size());
        assertThat(checker.problems()).as("shim declarations that differ from reference.txt").isEmpty();
        assertThat(checker.classesChecked()).isEqualTo(shim.size()).isGreaterThan(30);
    }

    @Test
    void theAnnotationsJenkinsReadsAtRuntimeKeepTheirIndexMarkers() {
        assertThat(hudson.Extension.class.isAnnotationPresent(net.java.sezpoz.Indexable.class))
                .as("without @Indexable SezPoz writes no META-INF/annotations/hudson.Extension").isTrue();
        assertThat(org.jenkinsci.Symbol.class
                .isAnnotationPresent(org.jvnet.hudson.annotation_indexer.Indexed.class)).isTrue();
        assertThat(org.kohsuke.stapler.export.ExportedBean.class
                .isAnnotationPresent(org.jvnet.hudson.annotation_indexer.Indexed.class)).isTrue();
    }
}
