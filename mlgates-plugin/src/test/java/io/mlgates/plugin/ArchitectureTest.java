package io.mlgates.plugin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plugin is thin, as docs/architecture.md draws it: the engine knows nothing of Jenkins or of the plugin, and the
 * plugin's logic is written against its own small interfaces, so only the adapters in {@code io.mlgates.plugin} touch
 * Jenkins.
 */
@AnalyzeClasses(packages = "io.mlgates", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] JENKINS = {"hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..",
        "io.jenkins..", "org.jvnet..", "com.cloudbees.."};

    @ArchTest
    static final ArchRule theCoreNeverSeesJenkinsOrThePlugin = noClasses().that().resideInAPackage("io.mlgates.core..")
            .should().dependOnClassesThat().resideInAnyPackage(JENKINS)
            .orShould().dependOnClassesThat().resideInAPackage("io.mlgates.plugin..");

    @ArchTest
    static final ArchRule thePluginLogicNeverSeesJenkins = noClasses().that()
            .resideInAPackage("io.mlgates.plugin.logic..").should().dependOnClassesThat()
            .resideInAnyPackage(JENKINS);

    @ArchTest
    static final ArchRule theLogicNeverReachesBackIntoTheAdapters = noClasses().that()
            .resideInAPackage("io.mlgates.plugin.logic..").should().dependOnClassesThat()
            .resideInAPackage("io.mlgates.plugin");
}
