package io.mlgates.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.core.report.html.HtmlReport;
import io.mlgates.shim.reference.ReferenceFile;
import io.mlgates.shim.reference.ShimChecker;
import io.mlgates.shim.reference.ShimClasses;
import java.lang.reflect.Constructor;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The built {@code target/ml-gates.hpi}, checked against ../shared/jenkins-api/HPI-FORMAT.md: layout, manifest,
 * bundled libraries, the extension and annotation indexes, views and help files; and its bytecode against
 * reference.txt, so that it links against a real Jenkins 2.568.2.
 */
class HpiPackagingIT {
    private static final Path HPI = Path.of("target", "ml-gates.hpi");
    private static final String INNER_JAR = "WEB-INF/lib/ml-gates.jar";

    @TempDir
    static Path temp;
    private static Path innerJar;
    /** The plugin jar's entries, name to bytes. */
    private static final Map<String, byte[]> PLUGIN = new LinkedHashMap<>();

    @BeforeAll
    static void openTheArchive() throws IOException {
        assertThat(HPI).as("mvn package builds it").isRegularFile();
        try (JarFile hpi = new JarFile(HPI.toFile())) {
            innerJar = temp.resolve("ml-gates.jar");
            try (InputStream in = hpi.getInputStream(hpi.getJarEntry(INNER_JAR))) {
                Files.copy(in, innerJar);
            }
        }
        try (JarFile jar = new JarFile(innerJar.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        PLUGIN.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    private static List<String> hpiEntries() throws IOException {
        try (JarFile hpi = new JarFile(HPI.toFile())) {
            return hpi.stream().filter(e -> !e.isDirectory()).map(JarEntry::getName).sorted().toList();
        }
    }

    @Test
    void isLaidOutAsAWarWithThePluginJarItsLibrariesAndItsStaticFiles() throws IOException {
        assertThat(hpiEntries()).containsExactlyInAnyOrder("META-INF/MANIFEST.MF", INNER_JAR,
                "WEB-INF/lib/mlgates-core-0.1.0-SNAPSHOT.jar", "WEB-INF/lib/json-schema-validator-2.0.8.jar",
                "WEB-INF/lib/itu-1.14.0.jar", "WEB-INF/lib/commons-math3-3.6.1.jar",
                // the core's report templates and its embedded registry
                "WEB-INF/lib/jte-runtime-3.2.5.jar", "WEB-INF/lib/sqlite-jdbc-3.54.1.0.jar",
                "css/ml-gates.css", "css/ml-gates-report.css");
    }

    @Test
    void servesTheReportRenderersStylesheetAsItIs() throws IOException {
        try (JarFile hpi = new JarFile(HPI.toFile());
                InputStream css = hpi.getInputStream(hpi.getJarEntry("css/ml-gates-report.css"))) {
            assertThat(new String(css.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(HtmlReport.stylesheet());
        }
    }

    @Test
    void bundlesNeitherJenkinsNorWhatJenkinsAndItsPluginsProvide() throws IOException {
        List<String> bundled = new ArrayList<>();
        try (JarFile hpi = new JarFile(HPI.toFile())) {
            for (JarEntry lib : hpi.stream().filter(e -> e.getName().startsWith("WEB-INF/lib/")).toList()) {
                try (JarInputStream jar = new JarInputStream(hpi.getInputStream(lib))) {
                    for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                        bundled.add(e.getName());
                    }
                }
            }
        }
        assertThat(bundled).noneMatch(n -> n.startsWith("hudson/") || n.startsWith("jenkins/")
                || n.startsWith("org/jenkinsci/") || n.startsWith("org/kohsuke/") || n.startsWith("org/jvnet/")
                || n.startsWith("com/fasterxml/jackson/") || n.startsWith("org/yaml/snakeyaml/")
                || n.startsWith("org/slf4j/") || n.startsWith("net/java/sezpoz/") || n.startsWith("jakarta/"));
    }

    @Test
    void carriesThePluginManifestInTheArchiveAndInThePluginJar() throws IOException {
        Manifest outer;
        try (JarFile hpi = new JarFile(HPI.toFile())) {
            outer = hpi.getManifest();
        }
        Manifest inner;
        try (JarFile jar = new JarFile(innerJar.toFile())) {
            inner = jar.getManifest();
        }
        for (Manifest manifest : List.of(outer, inner)) {
            Attributes a = manifest.getMainAttributes();
            assertThat(a.getValue("Short-Name")).isEqualTo("ml-gates");
            assertThat(a.getValue("Long-Name")).isEqualTo("ML Gates");
            assertThat(a.getValue("Plugin-Version")).isEqualTo("0.1.0-SNAPSHOT");
            assertThat(a.getValue("Jenkins-Version")).isEqualTo("2.568.2");
            assertThat(a.getValue("Hudson-Version")).isEqualTo("2.568.2");
            assertThat(a.getValue("Plugin-Dependencies").split(",")).containsExactlyInAnyOrder(
                    "workflow-step-api:710.v3e456cc85233", "workflow-api:1413.v2ff1a_5e720fa_",
                    "jackson2-api:2.22.0-439.vb_b_43658d6176", "snakeyaml-api:2.5-149.v72471e9c6371",
                    "credentials:1502.v5c95e620ddfe", "plain-credentials:199.v9f8e1f741799",
                    "ssh-credentials:361.vb_f6760818e8c",
                    "checks-api:415.vf022234a_931d;resolution:=optional");
            assertThat(a.getValue("Plugin-Class")).as("no legacy hudson.Plugin").isNull();
        }
    }

    @Test
    void thePluginJarHasItsDescriptionViewsAndAHelpFilePerArgument() {
        assertThat(PLUGIN).containsKeys("index.jelly",
                "io/mlgates/plugin/MlValidateStep/config.jelly", "io/mlgates/plugin/MlValidateStep/help.html",
                "io/mlgates/plugin/MlValidateStep/help-policy.html",
                "io/mlgates/plugin/MlValidateStep/help-predictions.html",
                "io/mlgates/plugin/MlValidateStep/help-baseline.html",
                "io/mlgates/plugin/MlEthicsGateStep/config.jelly", "io/mlgates/plugin/MlEthicsGateStep/help.html",
                "io/mlgates/plugin/MlEthicsGateStep/help-policy.html",
                "io/mlgates/plugin/MlEthicsGateStep/help-predictions.html",
                "io/mlgates/plugin/MlEthicsGateStep/help-sensitive.html",
                "io/mlgates/plugin/MlEthicsGateStep/help-orgPolicy.html", "io/mlgates/plugin/GateStep/options.jelly",
                "io/mlgates/plugin/GateStep/help-id.html", "io/mlgates/plugin/GateStep/help-failOnError.html",
                "io/mlgates/plugin/GateStep/help-stageOnly.html", "io/mlgates/plugin/GateStep/help-resultsDir.html",
                "io/mlgates/plugin/GateResultAction/summary.jelly", "io/mlgates/plugin/GateResultAction/index.jelly",
                "io/mlgates/plugin/GateTrendAction/floatingBox.jelly",
                "io/mlgates/plugin/GateTrendAction/index.jelly");
        assertThat(PLUGIN.keySet()).noneMatch(n -> n.startsWith("WEB-INF/classes"));
    }

    @Test
    void theSezPozIndexListsEveryExtensionAsJenkinsLoadsIt() throws IOException {
        assertThat(PLUGIN).containsKey("META-INF/annotations/hudson.Extension");
        Set<String> indexed = new TreeSet<>();
        // Only the plugin jar's own index: the class path holds a copy in target/classes too.
        try (URLClassLoader onlyThePlugin = new URLClassLoader(new URL[] {innerJar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (IndexItem<hudson.Extension, Object> item : Index.load(hudson.Extension.class, Object.class,
                    onlyThePlugin)) {
                indexed.add(item.className());
            }
        }
        assertThat(indexed).isEqualTo(annotatedClasses("Lhudson/Extension;"))
                .containsExactlyInAnyOrder("io.mlgates.plugin.BoardAction", "io.mlgates.plugin.BoardFacts",
                        "io.mlgates.plugin.MlValidateStep$DescriptorImpl",
                        "io.mlgates.plugin.MlEthicsGateStep$DescriptorImpl",
                        "io.mlgates.plugin.MlPromoteStep$DescriptorImpl",
                        "io.mlgates.plugin.OrganisationConfiguration",
                        "io.mlgates.plugin.SigningConfiguration", "io.mlgates.plugin.TeamRegistryConfiguration");
    }

    @Test
    void theTextIndexesListEveryClassUsingSymbolOrExportedBean() {
        assertThat(lines("META-INF/services/annotations/org.jenkinsci.Symbol"))
                .isEqualTo(annotatedClasses("Lorg/jenkinsci/Symbol;"))
                .containsExactlyInAnyOrder("io.mlgates.plugin.MlValidateStep$DescriptorImpl",
                        "io.mlgates.plugin.MlEthicsGateStep$DescriptorImpl",
                        "io.mlgates.plugin.MlPromoteStep$DescriptorImpl",
                        "io.mlgates.plugin.OrganisationConfiguration",
                        "io.mlgates.plugin.SigningConfiguration", "io.mlgates.plugin.TeamRegistryConfiguration");
        assertThat(lines("META-INF/services/annotations/org.kohsuke.stapler.export.ExportedBean"))
                .isEqualTo(annotatedClasses("Lorg/kohsuke/stapler/export/ExportedBean;"))
                .contains("io.mlgates.plugin.GateResultAction", "io.mlgates.plugin.GateTrendAction",
                        "io.mlgates.plugin.BoardApi", "io.mlgates.plugin.BoardApi$Model");
    }

    @Test
    void everyJenkinsClassAndMemberThePluginReferencesIsInTheReference() {
        BytecodeScan scan = new BytecodeScan(ReferenceFile.load(), HpiPackagingIT.class.getClassLoader());
        PLUGIN.forEach((name, bytes) -> {
            if (name.endsWith(".class")) {
                scan.scan(bytes);
            }
        });
        scan.summary().forEach(line -> System.out.println("bytecode scan: " + line));

        assertThat(scan.classesScanned).isGreaterThan(30);
        assertThat(scan.found).containsKeys("class org.jenkinsci.plugins.workflow.steps.Step",
                "member public <T> T hudson.FilePath.act(hudson.FilePath$FileCallable<T>) throws"
                        + " java.io.IOException,java.lang.InterruptedException");
        assertThat(scan.outside).as("references to Jenkins outside reference.txt").isEmpty();
        assertThat(scan.restricted).as("references to @Restricted Jenkins API").isEmpty();
    }

    /**
     * The shim holds exactly what the plugin uses: every public or protected member is referenced by the plugin's
     * bytecode, implemented or overridden by a plugin class, or needed for the shim itself to compile (a constructor
     * a subclass calls, a method that makes a concrete class of the reference concrete). Only with the shim on the
     * class path, not in the real-jenkins profile.
     */
    @Test
    void theShimDeclaresNothingThePluginDoesNotUse() throws Exception {
        Assumptions.assumeTrue(isPresent("io.mlgates.shim.IndexedProcessor"), "the shim is on the class path");
        BytecodeScan scan = new BytecodeScan(ReferenceFile.load(), HpiPackagingIT.class.getClassLoader());
        List<Class<?>> pluginClasses = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : PLUGIN.entrySet()) {
            if (e.getKey().endsWith(".class")) {
                scan.scan(e.getValue());
                pluginClasses.add(Class.forName(e.getKey().replace('/', '.').replace(".class", "")));
            }
        }
        List<Class<?>> shim = ShimClasses.all();
        List<String> unused = new ArrayList<>();
        for (Class<?> c : shim) {
            for (Member m : ShimChecker.members(c)) {
                if (!scan.reached.contains(m) && !implementedOrOverridden(m, pluginClasses)
                        && !neededByTheShim(m, shim, pluginClasses)) {
                    unused.add(m.toString());
                }
            }
        }
        assertThat(unused).as("shim members the plugin does not use").isEmpty();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, HpiPackagingIT.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean implementedOrOverridden(Member m, List<Class<?>> by) {
        return m instanceof Method method && by.stream().anyMatch(c -> method.getDeclaringClass().isAssignableFrom(c)
                && declares(c, method));
    }

    private static boolean neededByTheShim(Member m, List<Class<?>> shim, List<Class<?>> plugin) {
        if (m instanceof Constructor<?> k) {
            return Stream.concat(shim.stream(), plugin.stream())
                    .anyMatch(c -> c.getSuperclass() == k.getDeclaringClass());
        }
        if (!(m instanceof Method method)) {
            return false;
        }
        if (method.getDeclaringClass().isEnum() && (method.getName().equals("values") && method.getParameterCount() == 0
                || method.getName().equals("valueOf") && Arrays.equals(method.getParameterTypes(),
                        new Class<?>[] {String.class}))) {
            return true; // the compiler declares them on every enum
        }
        Class<?> owner = method.getDeclaringClass();
        if (owner.isAnnotation() && shim.stream().anyMatch(c -> c.isAnnotation()
                && c.isAnnotationPresent(owner.asSubclass(java.lang.annotation.Annotation.class)))) {
            return true; // the element a shim annotation's meta-annotation sets, as the reference's meta line shows
        }
        if (Modifier.isAbstract(method.getModifiers())) {
            // an abstract method that the shim implements, as a reference type does
            return shim.stream().anyMatch(c -> c != method.getDeclaringClass()
                    && method.getDeclaringClass().isAssignableFrom(c) && declares(c, method)
                    && !Modifier.isAbstract(declared(c, method).getModifiers()));
        }
        // an implementation that makes a shim type complete, as in the reference
        return supertypes(method.getDeclaringClass()).anyMatch(s -> declares(s, method)
                && Modifier.isAbstract(declared(s, method).getModifiers()));
    }

    private static Stream<Class<?>> supertypes(Class<?> c) {
        Stream<Class<?>> direct = Stream.concat(Stream.ofNullable(c.getSuperclass()), Stream.of(c.getInterfaces()));
        return direct.flatMap(s -> Stream.concat(Stream.of(s), supertypes(s)));
    }

    private static boolean declares(Class<?> c, Method method) {
        return declared(c, method) != null;
    }

    private static Method declared(Class<?> c, Method method) {
        try {
            return c.getDeclaredMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Set<String> lines(String entry) {
        assertThat(PLUGIN).containsKey(entry);
        return new TreeSet<>(new String(PLUGIN.get(entry), StandardCharsets.UTF_8).lines().toList());
    }

    /** Classes of the plugin jar annotated with the given annotation on themselves or a member. */
    private static Set<String> annotatedClasses(String annotationDescriptor) {
        Set<String> classes = new TreeSet<>();
        PLUGIN.forEach((name, bytes) -> {
            if (!name.endsWith(".class")) {
                return;
            }
            ClassReader reader = new ClassReader(new ByteArrayInputStream(bytes).readAllBytes());
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    if (descriptor.equals(annotationDescriptor)) {
                        classes.add(reader.getClassName().replace('/', '.'));
                    }
                    return null;
                }
            }, ClassReader.SKIP_CODE);
        });
        return classes;
    }
}
