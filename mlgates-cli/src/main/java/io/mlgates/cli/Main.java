package io.mlgates.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mlgates} command: the same engine as the Jenkins plugin, for laptops and any CI. */
@Command(name = "mlgates", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Judges machine-learning models against a policy: the same verdict on a laptop as in CI.",
        footer = "  mlgates run examples/credit-risk",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:PASS, WARN or WAIVED; promoted, recorded, intact", "1:FAIL or ERROR: the gate did not"
                + " pass; refused by a rule (the message says which and what is missing); audit log tampered with",
                "2:bad input or usage: no verdict (the message names the file and line)",
                "3:internal error or out of memory: no verdict",
                "4:a promotion refused only because the release train has not departed: it waits for the next"})
public final class Main {
    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ValidateCommand.class, EthicsCommand.class,
            RunCommand.class, ReportCommand.class, InitCommand.class, PromoteCommand.class,
            DecisionCommand.Approve.class, DecisionCommand.Reject.class, RegistryCommand.class, AuditCommand.class,
            AttestCommand.class, BoardCommand.class, StatsCommand.class, ProfileCommand.class, BomCommand.class);

    /**
     * The commands that judge: they read a policy and run the engine, whose start {@link Preparation} does early. By
     * name, since reading a command class's annotation would delay that start (PreparationTest checks the names).
     */
    static final Set<String> GATES = Set.of("validate", "ethics", "run");

    private final Environment environment;
    private final Preparation preparation;

    private Main(Environment environment, Preparation preparation) {
        this.environment = environment;
        this.preparation = preparation;
    }

    /** The user, environment variables and clock the commands run with. */
    Environment environment() {
        return environment;
    }

    /** Waits for the start-up work begun beside the parsing of the command line; a gate calls it before judging. */
    void prepared() {
        preparation.await();
    }

    public static void main(String[] args) {
        int code;
        try {
            code = execute(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                    new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
        } catch (OutOfMemoryError e) {
            // The JVM's own exit code for this would be 1, which reads as a failed gate: it is not one.
            System.err.println("mlgates: out of memory (" + e.getMessage() + "); give the JVM more heap, e.g. "
                    + "MLGATES_OPTS=-Xmx2g mlgates ... (without the launcher: java -Xmx2g -jar mlgates.jar ...)");
            code = ErrorHandler.INTERNAL_ERROR;
        }
        System.exit(code);
    }

    /** Runs the command line and returns its exit code, without exiting: what tests call. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(Environment.system(), out, err, args);
    }

    /** Runs the command line with the given environment: what tests of identities and times call. */
    static int execute(Environment environment, PrintWriter out, PrintWriter err, String... args) {
        String first = args.length == 0 ? "" : args[0];
        // Started before picocli builds its model, so that the two run side by side (benchmarks/RESULTS.md, "Issue
        // 15, eighth session: start-up").
        Preparation preparation = GATES.contains(first) ? Preparation.ofGate(environment.variables())
                : Preparation.none();
        return execute(commandLine(environment, first, preparation), out, err, args);
    }

    /** Runs a command tree made by {@link #commandLine(Environment, String, Preparation)}. */
    static int execute(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli.execute(args);
    }

    /** The command tree; each command's help ends with its example, the footer, under one heading. */
    static CommandLine commandLine(Environment environment) {
        return commandLine(environment, "", Preparation.none());
    }

    /**
     * The command tree for a command line whose first word is {@code first}: when that names a subcommand, only that
     * one is built, since picocli's reflective model of every command costs more start-up time than a small gate run
     * (benchmarks/RESULTS.md, "Issue 15, seventh session: start-up"); otherwise, all of them. Its gate commands wait
     * for {@code preparation} before they judge.
     */
    static CommandLine commandLine(Environment environment, String first, Preparation preparation) {
        CommandLine cli = new CommandLine(new Main(environment, preparation));
        Optional<Class<?>> named = SUBCOMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(first)).findFirst();
        named.map(List::<Class<?>>of).orElse(SUBCOMMANDS).forEach(cli::addSubcommand);
        headFooters(cli);
        return cli;
    }

    private static void headFooters(CommandLine command) {
        command.getCommandSpec().usageMessage().footerHeading("%nExample:%n");
        command.getSubcommands().values().forEach(Main::headFooters);
    }
}
