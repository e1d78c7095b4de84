package io.mlgates.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The package design of docs/architecture.md, enforced: the core knows neither Jenkins nor the CLI, and has no
 * cycles.
 */
@AnalyzeClasses(packages = "io.mlgates.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule coreNeverImportsJenkins = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke.stapler..",
                    "io.jenkins..");

    @ArchTest
    static final ArchRule coreNeverImportsTheCli = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.mlgates.cli..", "picocli..");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("io.mlgates.core.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule metricsKnowNothingOfPoliciesOrGates = noClasses().that()
            .resideInAPackage("io.mlgates.core.metrics..").should().dependOnClassesThat()
            .resideInAnyPackage("io.mlgates.core.policy..", "io.mlgates.core.gate..", "io.mlgates.core.report..",
                    "io.mlgates.core.data..");

    @ArchTest
    static final ArchRule fairnessAndDocsKnowNothingOfPoliciesGatesOrReports = noClasses().that()
            .resideInAnyPackage("io.mlgates.core.fairness..", "io.mlgates.core.docs..").should()
            .dependOnClassesThat().resideInAnyPackage("io.mlgates.core.policy..", "io.mlgates.core.gate..",
                    "io.mlgates.core.report..", "io.mlgates.core.data..");

    @ArchTest
    static final ArchRule theAuditChainKnowsNoStore = noClasses().that()
            .resideInAPackage("io.mlgates.core.audit..").should().dependOnClassesThat()
            .resideInAnyPackage("io.mlgates.core.registry..", "io.mlgates.core.release..");

    @ArchTest
    static final ArchRule registriesKnowNoPromotionRules = noClasses().that()
            .resideInAPackage("io.mlgates.core.registry..").should().dependOnClassesThat()
            .resideInAnyPackage("io.mlgates.core.release..", "io.mlgates.core.policy..");

    /** In Jenkins, Jackson belongs to the jackson2-api plugin: the core uses its public API, never extends it. */
    @ArchTest
    static final ArchRule noClassExtendsAJacksonClass = classes().should(new ArchCondition<JavaClass>(
            "not extend a Jackson class") {
        @Override
        public void check(JavaClass javaClass, ConditionEvents events) {
            javaClass.getRawSuperclass().filter(s -> s.getPackageName().startsWith("com.fasterxml.jackson"))
                    .ifPresent(s -> events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                            + " extends " + s.getName())));
        }
    });

    @ArchTest
    static final ArchRule onlyTheReportWritesFiles = noClasses().that()
            .resideOutsideOfPackage("io.mlgates.core.report..").should().callMethod(java.nio.file.Files.class,
                    "move", java.nio.file.Path.class, java.nio.file.Path.class, java.nio.file.CopyOption[].class);
}
