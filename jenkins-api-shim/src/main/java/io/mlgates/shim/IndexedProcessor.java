package io.mlgates.shim;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes annotation-indexer's index: for every annotation type meta-annotated with
 * {@code org.jvnet.hudson.annotation_indexer.Indexed} (such as {@code @Symbol}), the text file
 * {@code META-INF/services/annotations/<annotation>} listing, one per line, the binary names of the classes that use it
 * on themselves or on a member. Jenkins reads it with annotation-indexer's {@code Index.list}. jenkins-core brings the
 * real processor; this one stands in for it while the plugin compiles against the shim.
 *
 * <p>The index lists the uses of one compilation: Maven compiles a module's sources together, so an index merged
 * with an earlier one would only keep classes that no longer exist.
 */
public final class IndexedProcessor extends AbstractProcessor {
    static final String INDEXED = "org.jvnet.hudson.annotation_indexer.Indexed";
    static final String INDEX_FOLDER = "META-INF/services/annotations/";

    private final Map<String, Set<String>> uses = new TreeMap<>();
    private final Set<Element> origins = new HashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            if (!isIndexed(annotation)) {
                continue;
            }
            String name = binaryName(annotation);
            for (Element use : round.getElementsAnnotatedWith(annotation)) {
                Element type = use.getKind().isClass() || use.getKind().isInterface() ? use
                        : use.getEnclosingElement();
                uses.computeIfAbsent(name, n -> new TreeSet<>()).add(binaryName((TypeElement) type));
                origins.add(use);
            }
        }
        if (round.processingOver()) {
            uses.forEach(this::write);
        }
        return false;
    }

    private boolean isIndexed(TypeElement annotation) {
        for (AnnotationMirror meta : annotation.getAnnotationMirrors()) {
            if (binaryName((TypeElement) meta.getAnnotationType().asElement()).equals(INDEXED)) {
                return true;
            }
        }
        return false;
    }

    private String binaryName(TypeElement type) {
        return processingEnv.getElementUtils().getBinaryName(type).toString();
    }

    private void write(String annotation, Set<String> classes) {
        try {
            FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
                    INDEX_FOLDER + annotation, origins.toArray(Element[]::new));
            try (Writer out = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String name : classes) {
                    out.write(name);
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "cannot write the index of @" + annotation + ": " + e.getMessage());
        }
    }
}
