package io.mlgates.shim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.shim.reference.ReferenceFile;
import io.mlgates.shim.reference.ReferenceList;
import io.mlgates.shim.reference.ShimChecker;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The reference check is only worth something if it fails on a difference: each kind of difference, caught. */
class CheckerBitesTest {
    private static ReferenceList fakeReference() throws IOException, URISyntaxException {
        Path file = Path.of(CheckerBitesTest.class.getResource("fake-reference.txt").toURI());
        return ReferenceList.read(file);
    }

    @Test
    void aClassDeclaredAsTheReferenceSaysPasses() throws Exception {
        ShimChecker checker = new ShimChecker(fakeReference()).check(fake.api.Widget.class);

        assertThat(checker.problems()).isEmpty();
        assertThat(checker.membersChecked()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            fake.api.WrongParameter  | member not in the reference: public void fake.api.WrongParameter.resize(int)
            fake.api.MissingThrows   | member not in the reference: public void fake.api.MissingThrows.load()
            fake.api.WrongSuperclass | extends java.lang.Object, the reference says fake.api.Widget
            fake.api.NotFinal        | header
            fake.api.UsesRestricted  | member is @Restricted in Jenkins
            fake.api.ClassRetention  | meta-annotations
            fake.api.Unlisted        | no block in the reference
            fake.api.BridgeBase      | may only override methods the reference lists on its supertypes
            """)
    void aDifferenceIsCaught(String className, String expected) throws Exception {
        ShimChecker checker = new ShimChecker(fakeReference()).check(Class.forName(className));

        assertThat(checker.problems()).anySatisfy(p -> assertThat(p).contains(expected));
    }

    @Test
    void aBridgeMayDeclareOnlyAProtectedConstructorBesideOverrides() throws Exception {
        ShimChecker checker = new ShimChecker(fakeReference()).check(fake.api.BridgeBase.class);

        assertThat(checker.problems()).singleElement().asString().contains("invented()");
    }

    @Test
    void aMetaAnnotationsElementIsCheckedAsTheReferenceWritesIt() throws IOException {
        String real = "meta @org.kohsuke.stapler.interceptor.InterceptorAnnotation("
                + "org.kohsuke.stapler.interceptor.RequirePOST$Processor)";
        List<String> lines = Files.readAllLines(ReferenceFile.locate());
        assertThat(lines).contains(real);
        List<String> altered = lines.stream().map(l -> l.equals(real) ? real.replace("RequirePOST$Processor",
                "RequirePOST$Other") : l).toList();

        assertThat(new ShimChecker(ReferenceList.parse(lines)).check(
                org.kohsuke.stapler.interceptor.RequirePOST.class).problems()).isEmpty();
        assertThat(new ShimChecker(ReferenceList.parse(altered)).check(
                org.kohsuke.stapler.interceptor.RequirePOST.class).problems()).singleElement().asString()
                .contains("meta-annotations", "RequirePOST$Processor");
    }

    @Test
    void anAlteredLineOfTheRealReferenceFailsTheRealShim() throws IOException {
        String real = "public void hudson.model.Run.setResult(hudson.model.Result)";
        List<String> lines = Files.readAllLines(ReferenceFile.locate());
        assertThat(lines).contains(real);
        List<String> altered = lines.stream()
                .map(l -> l.equals(real) ? "public void hudson.model.Run.setResult(java.lang.String)" : l).toList();

        ShimChecker checker = new ShimChecker(ReferenceList.parse(altered)).check(hudson.model.Run.class);

        assertThat(checker.problems()).containsExactly(
                "hudson.model.Run: member not in the reference: " + real);
    }
}
