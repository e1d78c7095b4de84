package io.mlgates.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
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

    private final Environment environment;

    private Main(Environment environment) {
        this.environment = environment;
    }

    /** The user, environment variables and clock the commands run with. */
    Environment environment() {
        return environment;
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
        CommandLine cli = commandLine(environment, args.length == 0 ? "" : args[0]);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli.execute(args);
    }

    /** The command tree; each command's help ends with its example, the footer, under one heading. */
    static CommandLine commandLine(Environment environment) {
        return commandLine(environment, "");
    }

    /**
     * The command tree for a command line whose first word is {@code first}: when that names a subcommand, only that
     * one is built, since picocli's reflective model of every command costs more start-up time than a small gate run
     * (benchmarks/RESULTS.md, "Issue 15, seventh session: start-up"); otherwise, all of them.
     */
    static CommandLine commandLine(Environment environment, String first) {
        CommandLine cli = new CommandLine(new Main(environment));
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
