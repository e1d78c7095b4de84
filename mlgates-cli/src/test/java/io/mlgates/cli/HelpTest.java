package io.mlgates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Every command's help, found by walking picocli's command tree, so that a new command cannot skip it. */
class HelpTest {
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    /** The qualified name of every command, {@code mlgates} included, as the words that reach it. */
    static Stream<Arguments> commands() {
        List<Arguments> all = new ArrayList<>();
        walk(Main.commandLine(TestEnvironment.FIXED), new ArrayList<>(), all);
        assertThat(all).hasSizeGreaterThanOrEqualTo(16);
        return all.stream();
    }

    private static void walk(CommandLine command, List<String> path, List<Arguments> all) {
        all.add(Arguments.of(String.join(" ", path)));
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) { // aliases would repeat a command
                List<String> longer = new ArrayList<>(path);
                longer.add(name);
                walk(sub, longer, all);
            }
        });
    }

    @ParameterizedTest(name = "mlgates {0} --help")
    @MethodSource("commands")
    void everyCommandHasHelpThatExitsZero(String command) {
        for (String flag : List.of("--help", "-h")) {
            Run run = run(command, flag);
            assertThat(run.code).as(run.err).isZero();
            assertThat(run.out).startsWith("Usage: mlgates" + (command.isEmpty() ? "" : " " + command));
            assertThat(run.err).isEmpty();
        }
    }

    @ParameterizedTest(name = "mlgates {0}")
    @MethodSource("commands")
    void theSummaryIsOneWholeSentence(String command) {
        String summary = spec(command).usageMessage().description()[0];
        assertThat(summary).matches("[A-Z].*[.?]").doesNotContainPattern("[.?!;:,]\\s+[A-Z][a-z]")
                .doesNotEndWith(":");
    }

    @ParameterizedTest(name = "mlgates {0}")
    @MethodSource("commands")
    void anOptionalArgumentShowsAsOptional(String command) {
        String usage = run(command, "--help").out;
        for (PositionalParamSpec p : spec(command).positionalParameters()) {
            if (p.arity().min == 0) {
                assertThat(usage).as("synopsis").containsAnyOf("[" + p.paramLabel() + "]",
                        "[" + p.paramLabel() + "...]"); // a list of them: board [REPO...]
            }
            if (p.defaultValue() != null) {
                assertThat(p.arity().min).as(p.paramLabel() + " has a default, so it is optional").isZero();
            }
        }
    }

    @ParameterizedTest(name = "mlgates {0}")
    @MethodSource("commands")
    void theHelpEndsWithOneExampleThatParses(String command) {
        List<String> lines = run(command, "--help").out.strip().lines().toList();
        assertThat(lines.get(lines.size() - 2)).isEqualTo("Example:");
        String example = lines.get(lines.size() - 1);
        assertThat(example).startsWith("  mlgates " + command);

        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(example.strip());
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        CommandLine fresh = Main.commandLine(TestEnvironment.FIXED);
        fresh.parseArgs(words.subList(1, words.size()).toArray(String[]::new)); // throws when it does not parse
    }

    @ParameterizedTest(name = "mlgates {0}")
    @MethodSource("commands")
    void aCommandBuiltAloneIsTheSameAsInTheWholeTree(String command) {
        if (command.isEmpty()) {
            return;
        }
        String first = command.split(" ")[0];
        CommandLine alone = Main.commandLine(TestEnvironment.FIXED, first, Preparation.none());
        assertThat(alone.getSubcommands()).containsOnlyKeys(first);
        CommandLine whole = Main.commandLine(TestEnvironment.FIXED);
        for (String name : command.split(" ")) {
            alone = alone.getSubcommands().get(name);
            whole = whole.getSubcommands().get(name);
        }
        assertThat(alone.getUsageMessage()).isEqualTo(whole.getUsageMessage());
        assertThat(alone.getCommandSpec().qualifiedName()).isEqualTo(whole.getCommandSpec().qualifiedName());
    }

    @Test
    void withoutACommandNameEveryCommandIsBuilt() {
        for (String first : List.of("", "--help", "-V", "valid", "@args")) {
            assertThat(Main.commandLine(TestEnvironment.FIXED, first, Preparation.none()).getSubcommands().keySet())
                    .containsExactlyElementsOf(Main.commandLine(TestEnvironment.FIXED).getSubcommands().keySet())
                    .hasSizeGreaterThanOrEqualTo(15);
        }
    }

    private static CommandSpec spec(String command) {
        CommandLine cli = Main.commandLine(TestEnvironment.FIXED);
        for (String name : command.isEmpty() ? new String[0] : command.split(" ")) {
            cli = cli.getSubcommands().get(name);
        }
        return cli.getCommandSpec();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String command, String flag) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add(flag);
        int code = Main.execute(TestEnvironment.FIXED, new PrintWriter(out), new PrintWriter(err),
                args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
