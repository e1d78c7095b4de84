package io.mlgates.cli;

import static io.mlgates.cli.Distribution.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.cli.Distribution.Finished;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packaged distribution: its zip and folder, and {@code bin/mlgates} run as users run it. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "bin/mlgates is a POSIX shell script; Windows has mlgates.cmd")
class DistributionIT {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path tmp;

    @Test
    @DisplayName("the zip holds the folder's tree under mlgates/, and the launcher is executable")
    void zipAndFolderHoldTheSameTree() throws IOException {
        Path zip = Path.of("target", "mlgates-" + System.getProperty("mlgates.version") + ".zip");
        TreeSet<String> inZip = new TreeSet<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).forEach(inZip::add);
        }
        TreeSet<String> inFolder = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Distribution.FOLDER)) {
            files.filter(Files::isRegularFile)
                    .forEach(f -> inFolder.add("mlgates/" + Distribution.FOLDER.relativize(f).toString()));
        }
        assertThat(inZip).isEqualTo(inFolder).containsExactly("mlgates/bin/mlgates", "mlgates/bin/mlgates.cmd",
                "mlgates/lib/jvm.options", "mlgates/lib/mlgates.jar");
        assertThat(Files.getPosixFilePermissions(Distribution.LAUNCHER)).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.readString(Distribution.FOLDER.resolve("bin/mlgates.cmd"))).contains("\r\n");
    }

    @Test
    @DisplayName("bin/mlgates judges the example: its verdict on the console and as the exit code, twice (the second"
            + " run with the class-data archive the first made)")
    void judgesTheExample() throws Exception {
        Path repo = ExampleRepository.copyInto(tmp);
        // Waivers that expired before the tests' fixed date: the verdict is FAIL whatever day the test runs.
        Path policy = repo.resolve("mlgates.yaml");
        String text = Files.readString(policy);
        assertThat(text).contains("expires: 2027-11-30");
        Files.writeString(policy, text.replace("expires: 2027-11-30", "expires: 2026-11-25"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString());

        for (int run = 1; run <= 2; run++) {
            Finished finished = Distribution.shell(tmp, env, quoted(Distribution.LAUNCHER) + " run credit-risk");

            assertThat(finished.exitCode()).as(finished.err()).isEqualTo(1);
            assertThat(finished.out()).contains("expired on 2026-11-25, so it waives nothing")
                    .contains("verdict: FAIL (19 pass, 6 skipped, 6 warn, 6 fail)").doesNotContain("cds");
            assertThat(finished.err()).contains("mlgates: wrote credit-risk/.mlgates/results/report/index.html")
                    .doesNotContain("cds").doesNotContain("warning");
            try (Stream<Path> archives = Files.list(tmp.resolve("cache/mlgates"))) {
                assertThat(archives.map(p -> p.getFileName().toString()).toList()).singleElement()
                        .asString().matches("classes-[0-9]+\\.jsa");
            }
        }
    }

    @Test
    @DisplayName("JAVA_HOME names the java it runs: our options first, then MLGATES_OPTS, then the jar and the"
            + " arguments as given")
    void honoursJavaHomeAndMlgatesOpts() throws Exception {
        Path javaHome = tmp.resolve("jdk");
        Path fakeJava = javaHome.resolve("bin/java");
        Files.createDirectories(fakeJava.getParent());
        Files.writeString(fakeJava, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        fakeJava.toFile().setExecutable(true);
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("MLGATES_OPTS", "-Xmx64m -Dx=*");
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());

        Finished finished = Distribution.shell(tmp, env,
                quoted(Distribution.LAUNCHER) + " report --out 'a folder'");

        assertThat(finished.exitCode()).isZero();
        List<String> args = finished.out().lines().toList();
        assertThat(args).containsExactly("@" + Distribution.FOLDER.resolve("lib/jvm.options"), "-Xmx64m", "-Dx=*",
                "-jar", Distribution.FOLDER.resolve("lib/mlgates.jar").toString(), "report", "--out", "a folder");
        assertThat(Files.readAllLines(Distribution.FOLDER.resolve("lib/jvm.options")))
                .contains("-XX:+UseSerialGC", "-XX:MaxRAMPercentage=50");
    }

    @Test
    @DisplayName("a JAVA_HOME without a java is a usage error naming it")
    void refusesAJavaHomeWithoutJava() throws Exception {
        Finished finished = Distribution.shell(tmp, Map.of("JAVA_HOME", tmp.resolve("nothing").toString()),
                quoted(Distribution.LAUNCHER) + " --version");

        assertThat(finished.exitCode()).isEqualTo(2);
        assertThat(finished.err()).contains("mlgates: JAVA_HOME is " + tmp.resolve("nothing"))
                .contains("is not an executable");
    }

    @Test
    @DisplayName("a symbolic link to bin/mlgates (from a folder on the PATH) finds the distribution")
    void runsThroughASymbolicLink() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("mlgates"), Distribution.LAUNCHER);
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + ":" + Path.of(JAVA).getParent() + ":/usr/bin:/bin");
        env.put("JAVA_HOME", null);

        Finished finished = Distribution.shell(tmp, env, "mlgates --version");

        assertThat(finished.exitCode()).as(finished.err()).isZero();
        assertThat(finished.out()).startsWith("mlgates " + System.getProperty("mlgates.version"));
    }

    @Test
    @DisplayName("too small a heap for the file is exit 3, no verdict, and the message says how to give more")
    void tooLittleMemory() throws Exception {
        Path eval = Files.createDirectories(tmp.resolve("repo/eval"));
        Files.createDirectories(tmp.resolve("repo/model"));
        Files.writeString(tmp.resolve("repo/model/model.bin"), "weights");
        Random random = new Random(5);
        // The scores themselves no longer fill the heap (past the budget they spill to disk): 9,000 slices, each
        // with the accumulators of its own rank metrics, do.
        StringBuilder csv = new StringBuilder("label,score,customer\n");
        for (int i = 0; i < 500_000; i++) {
            csv.append(random.nextInt(2)).append(",0.").append(100_000 + random.nextInt(900_000)).append(",c")
                    .append(random.nextInt(9_000)).append('\n');
        }
        Files.writeString(eval.resolve("predictions.csv"), csv);
        Files.writeString(tmp.resolve("repo/mlgates.yaml"),
                "slices:\n  - column: customer\n    limits:\n      - metric: roc_auc\n        min: 0.5\n");
        Map<String, String> env = Map.of("MLGATES_OPTS", "-Xmx8m", "XDG_CACHE_HOME", tmp.resolve("cache").toString());

        Finished finished = Distribution.shell(tmp.resolve("repo"), env, quoted(Distribution.LAUNCHER) + " validate");

        assertThat(finished.exitCode()).as(finished.err()).isEqualTo(3);
        assertThat(finished.out()).doesNotContain("verdict");
        assertThat(finished.err()).contains("mlgates: out of memory").contains("MLGATES_OPTS=-Xmx2g mlgates");
    }

    @ParameterizedTest(name = "umask {0}")
    @ValueSource(strings = {"022", "027"})
    @DisplayName("the scaffold, the results and the report get the permissions the umask gives (0644 under 022)")
    void filesGetTheUmasksPermissions(String umask) throws Exception {
        Files.createDirectories(tmp.resolve("eval"));
        Files.writeString(tmp.resolve("eval/predictions.csv"), "label,score\n1,0.9\n0,0.2\n1,0.6\n0,0.4\n");
        String command = "umask " + umask + " && umask && " + quoted(Distribution.LAUNCHER) + " init repo"
                + " && mkdir repo/model && echo weights > repo/model/model.bin && cp -r eval repo/"
                + " && " + quoted(Distribution.LAUNCHER) + " run repo";

        Finished finished = Distribution.shell(tmp, Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString()),
                command);

        assertThat(finished.exitCode()).as(finished.out() + finished.err()).isZero();
        int mask = Integer.parseInt(finished.out().lines().findFirst().orElseThrow().strip(), 8);
        assertThat(mask).isEqualTo(Integer.parseInt(umask, 8));
        Path repo = tmp.resolve("repo");
        List<Path> written = new ArrayList<>();
        for (String name : List.of("mlgates.yaml", "MODEL_CARD.md", "DATASHEET.md", "Jenkinsfile", ".gitignore")) {
            written.add(repo.resolve(name));
        }
        try (Stream<Path> results = Files.walk(repo.resolve(".mlgates/results"))) {
            results.forEach(written::add);
        }
        assertThat(written).contains(repo.resolve(".mlgates/results/validate.json"),
                repo.resolve(".mlgates/results/report/index.html"));
        for (Path file : written) {
            int expected = (Files.isDirectory(file) ? 0777 : 0666) & ~mask;
            assertThat(mode(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo(expected);
        }
    }

    private static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }
}
