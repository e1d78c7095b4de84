package io.mlgates.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded registry opened from a class loader of its own, as Jenkins loads a plugin's libraries: the system
 * class loader's copy of the SQLite driver is not the one this loader sees, so {@code DriverManager} has no suitable
 * driver for it, while the registry, which calls the driver class directly, opens.
 */
class PluginClassLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theRegistryOpensWhereDriverManagerFindsNoDriver() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        // Each in a loader of its own: DriverManager's look-up initializes the loader's driver class, which then
        // registers itself, so that a second attempt from the same loader would find it.
        try (URLClassLoader other = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            String url = "jdbc:sqlite:" + dir.resolve("probe.db").toAbsolutePath();
            Method probe = other.loadClass(DriverProbe.class.getName()).getMethod("viaDriverManager", String.class);
            assertThatThrownBy(() -> invoke(probe, null, url)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("No suitable driver");
        }
        try (URLClassLoader plugin = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Class<?> registryClass = plugin.loadClass(SqliteRegistry.class.getName());
            assertThat(registryClass).isNotSameAs(SqliteRegistry.class);
            Object registry = invoke(registryClass.getMethod("open", Path.class, String.class, Clock.class), null,
                    dir.resolve("registry.db"), "registry.db",
                    Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
            assertThat(invoke(registryClass.getMethod("models"), registry)).isEqualTo(List.of());
            invoke(registryClass.getMethod("close"), registry);
            Object reader = invoke(registryClass.getMethod("openForReading", Path.class, String.class), null,
                    dir.resolve("registry.db"), "registry.db");
            assertThat(invoke(registryClass.getMethod("head"), reader)).hasToString("Optional.empty");
            invoke(registryClass.getMethod("close"), reader);
        }
    }

    private static Object invoke(Method method, Object target, Object... args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }
}
