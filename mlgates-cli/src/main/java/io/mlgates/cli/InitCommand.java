package io.mlgates.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgates.core.BadInputException;
import io.mlgates.core.report.AtomicFiles;
import io.mlgates.core.report.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlgates init DIR}: a model repository laid out by convention, with everything the gates expect: the policy
 * with the organisation defaults, a model card and a datasheet to fill in, a Jenkinsfile, and results kept out of git.
 */
@Command(name = "init", mixinStandardHelpOptions = true, footer = "  mlgates init my-model",
        description = {"Scaffolds a model repository with everything the gates expect.",
                "It writes mlgates.yaml (the defaults, every key commented), MODEL_CARD.md, DATASHEET.md, a"
                        + " Jenkinsfile, and the line .mlgates/ in .gitignore.",
                "Existing files are left alone unless --force; .gitignore only ever gains its line."})
final class InitCommand implements Callable<Integer> {
    /** The files written from templates, in the order they are listed. */
    static final List<String> FILES = List.of("mlgates.yaml", "MODEL_CARD.md", "DATASHEET.md", "Jenkinsfile");
    static final String GITIGNORE_LINE = ".mlgates/";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "the repository's folder, created if missing; default: the current folder")
    Path directory;

    @Option(names = "--force", description = "overwrite mlgates.yaml, MODEL_CARD.md, DATASHEET.md and Jenkinsfile")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new BadInputException(directory.toString(), 0, 0, "not a folder: expected the repository's folder");
        }
        List<Path> existing = new ArrayList<>();
        for (String name : FILES) {
            if (Files.exists(directory.resolve(name))) {
                existing.add(directory.resolve(name));
            }
        }
        if (!existing.isEmpty() && !force) {
            // All or nothing: a half-scaffolded repository is harder to reason about than an untouched one.
            throw new BadInputException(existing.get(0).toString(), 0, 0, "already exists"
                    + (existing.size() > 1 ? " (so do " + existing.subList(1, existing.size()).stream()
                    .map(p -> String.valueOf(p.getFileName())).collect(Collectors.joining(", ")) + ")" : "")
                    + "; nothing written. Use --force to overwrite");
        }
        Path absolute = directory.toAbsolutePath().normalize();
        String model = absolute.getFileName() == null ? "model" : absolute.getFileName().toString();
        Files.createDirectories(directory);
        List<String> written = new ArrayList<>();
        for (String name : FILES) {
            String text = template(name).replace("{{model_yaml}}", yamlString(model))
                    .replace("{{model}}", Text.terminalSafe(model));
            AtomicFiles.write(directory.resolve(name), o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
            written.add(name);
        }
        if (addToGitignore(directory.resolve(".gitignore"))) {
            written.add(".gitignore");
        }
        out.println("mlgates: wrote " + String.join(", ", written) + " in " + directory);
        out.println("Next: put the model's files under model/ and its held-out predictions in eval/predictions.csv");
        out.println("(columns label and score), then run: mlgates run " + directory);
        out.flush();
        return 0;
    }

    /** Adds the results line unless the file already has it; keeps every line that is there. */
    private static boolean addToGitignore(Path file) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (text.lines().map(String::strip).anyMatch(l -> l.equals(GITIGNORE_LINE) || l.equals("/" + GITIGNORE_LINE))) {
            return false;
        }
        String updated = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n")
                + "# ML Gates: local results and reports\n" + GITIGNORE_LINE + "\n";
        AtomicFiles.write(file, o -> o.write(updated.getBytes(StandardCharsets.UTF_8)));
        return true;
    }

    static String template(String name) {
        try (InputStream in = InitCommand.class.getResourceAsStream("init/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder name as a YAML double-quoted scalar (JSON's string syntax is valid YAML), so no name can break it. */
    private static String yamlString(String s) {
        try {
            return new ObjectMapper().writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serializes", e);
        }
    }
}
