package io.mlgates.shim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in for annotation-indexer's processor writes the text index Jenkins' {@code Index.list} reads. */
class IndexedProcessorTest {
    @TempDir
    Path dir;

    @Test
    void listsTheClassesThatUseAnIndexedAnnotationOneFilePerAnnotation() throws IOException {
        Path source = dir.resolve("src/p/Step.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package p;
                @org.jenkinsci.Symbol("step")
                public class Step {
                    @org.kohsuke.stapler.export.ExportedBean
                    public static class Result {
                    }
                    public static class Plain {
                    }
                }
                """);
        Path out = Files.createDirectories(dir.resolve("classes"));

        boolean compiled = compile(source, out);

        assertThat(compiled).isTrue();
        assertThat(out.resolve("META-INF/services/annotations/org.jenkinsci.Symbol"))
                .hasContent("p.Step");
        assertThat(out.resolve("META-INF/services/annotations/org.kohsuke.stapler.export.ExportedBean"))
                .hasContent("p.Step$Result");
        assertThat(out.resolve("META-INF/services/annotations/java.lang.Deprecated")).doesNotExist();
    }

    private static boolean compile(Path source, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            String classPath = System.getProperty("java.class.path");
            JavaCompiler.CompilationTask task = javac.getTask(null, files, null,
                    List.of("-d", out.toString(), "-classpath", classPath, "-proc:only"), null,
                    files.getJavaFileObjects(new File(source.toString())));
            task.setProcessors(List.of(new IndexedProcessor()));
            return task.call();
        }
    }
}
