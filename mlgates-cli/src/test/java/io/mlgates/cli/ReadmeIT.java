package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgates.cli.Distribution.Finished;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The README's commands, read from the README itself, so that the test fails when the README drifts. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the README's commands are POSIX shell")
class ReadmeIT {
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SH_BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    @Test
    @DisplayName("a fresh machine's two commands: build then the launcher on the example, and exactly what CI runs")
    void theTwoCommandsOnTop() throws IOException {
        List<String> blocks = shBlocks(section("## On a fresh machine"));

        assertThat(blocks.get(0).strip()).startsWith("mvn ")
                .endsWith(" && mlgates-cli/target/mlgates/bin/mlgates run examples/credit-risk");
        List<String> ci = Files.readAllLines(PROJECT.resolve(".ci/run"));
        assertThat(blocks.get(1).strip()).isEqualTo(ci.get(ci.size() - 1).strip()).isEqualTo("mvn -B verify");
    }

    @Test
    @DisplayName("the quick start works as written: its commands, with bin/ on the PATH as the README says, judge a"
            + " notebook's files and write the report it names")
    void theQuickStartWorksAsWritten() throws Exception {
        String quickStart = section("## Your own model");
        String commands = shBlocks(quickStart).get(0);
        Matcher path = Pattern.compile("`export PATH=\"\\$PWD/([^:\"]+):\\$PATH\"`").matcher(quickStart);
        assertThat(path.find()).as("the quick start says how to put bin/ on the PATH").isTrue();
        assertThat(PROJECT.resolve(path.group(1)).resolve("mlgates")).isEqualTo(Distribution.LAUNCHER);
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        for (String notebookFile : copiedFromHome(commands)) {
            Path file = home.resolve(notebookFile);
            Files.createDirectories(file.getParent());
            if (notebookFile.endsWith(".csv")) {
                Files.writeString(file, predictions());
            } else {
                Files.write(file, new byte[] {0x4d, 0x4c, 0x00, 0x01});
            }
        }

        Finished finished = Distribution.shell(work, Map.of("HOME", home.toString(), "PATH",
                Distribution.LAUNCHER.getParent() + ":" + System.getenv("PATH")), "set -e\n" + commands);

        assertThat(finished.exitCode()).as(finished.out() + finished.err()).isZero();
        List<String> out = finished.out().strip().lines().toList();
        assertThat(out.get(out.size() - 1)).as("the last line").startsWith("verdict: WARN").contains("to staging");
        Matcher report = Pattern.compile("`([^`\\s]+/report/index\\.html)`").matcher(quickStart);
        assertThat(report.find()).as("the quick start names the report").isTrue();
        assertThat(work.resolve(report.group(1))).isRegularFile();
    }

    /** The text of the README from the heading that starts with {@code heading} to the next heading. */
    private static String section(String heading) throws IOException {
        String readme = Files.readString(PROJECT.resolve("README.md"));
        int start = readme.indexOf("\n" + heading);
        assertThat(start).as("README.md has a section " + heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static List<String> shBlocks(String text) {
        List<String> blocks = new ArrayList<>();
        Matcher m = SH_BLOCK.matcher(text);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** The files the commands copy from the home folder ({@code cp ~/x ...}): the notebook's model and predictions. */
    private static List<String> copiedFromHome(String commands) {
        List<String> files = new ArrayList<>();
        Matcher m = Pattern.compile("\\bcp\\s+~/(\\S+)").matcher(commands);
        while (m.find()) {
            files.add(m.group(1));
        }
        assertThat(files).as("the quick start copies a model and a predictions file").hasSize(2)
                .anyMatch(f -> f.endsWith(".csv"));
        return files;
    }

    /** Held-out rows as a notebook writes them: label 1 or 0, the probability of 1; fixed seed. */
    private static String predictions() {
        Random random = new Random(12);
        StringBuilder csv = new StringBuilder("label,score\n");
        for (int i = 0; i < 400; i++) {
            boolean positive = random.nextDouble() < 0.3;
            double score = Math.min(1, Math.max(0, random.nextGaussian() * 0.2 + (positive ? 0.65 : 0.3)));
            csv.append(positive ? 1 : 0).append(',').append(String.format(Locale.ROOT, "%.4f", score)).append('\n');
        }
        return csv.toString();
    }
}
