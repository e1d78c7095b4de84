package io.mlgates.shim.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every class of the shim, from its classes folder or its jar (whichever the class path holds). The stand-in
 * annotation processor under {@code io.mlgates} is a build tool, not a declaration, and is left out.
 */
public final class ShimClasses {
    private ShimClasses() {
    }

    public static List<Class<?>> all() {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names()) {
            try {
                classes.add(Class.forName(name, false, ShimClasses.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }

    static List<String> names() {
        Path location = location();
        try {
            if (Files.isDirectory(location)) {
                return names(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return names(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .filter(n -> !n.startsWith("io.mlgates."))
                    .sorted().toList();
        }
    }

    private static Path location() {
        try {
            return Path.of(hudson.Extension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
