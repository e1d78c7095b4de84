package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.data.ThrottledProgress;
import io.mlgates.core.gate.BaselineSource;
import io.mlgates.core.gate.EthicsGate;
import io.mlgates.core.gate.EthicsRequest;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.RequestedFile;
import io.mlgates.core.gate.SeenChainHead;
import io.mlgates.core.gate.SharedStatistics;
import io.mlgates.core.gate.StageMetrics;
import io.mlgates.core.gate.Status;
import io.mlgates.core.gate.ValidationGate;
import io.mlgates.core.gate.ValidationRequest;
import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.policy.FairnessPolicy;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.OrganisationPolicy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.registry.ChainHeads;
import io.mlgates.core.registry.RecordedMetrics;
import io.mlgates.core.report.ConsoleTable;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.core.report.Disk;
import io.mlgates.core.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gate runs as the commands need them: load, judge, write, show, and the exit code. */
final class Validation {
    static final int PASSED = 0;
    static final int NOT_PASSED = 1;
    /** Where the organisation policy is found when --org-policy is not given. */
    static final String ORG_POLICY_VARIABLE = "MLGATES_ORG_POLICY";

    private Validation() {
    }

    /**
     * What every gate command is given.
     *
     * @param statistics statistics files to judge instead of prediction rows ({@code --stats}); empty to read rows
     */
    record Options(ModelLocation location, Optional<Path> orgPolicy, Optional<Path> predictions, Optional<Path> out,
                   OutputFormat format, ColumnChoice columns, List<Path> statistics) {
        Options {
            statistics = List.copyOf(statistics);
        }

        Options(ModelLocation location, Optional<Path> orgPolicy, Optional<Path> predictions, Optional<Path> out,
                OutputFormat format, ColumnChoice columns) {
            this(location, orgPolicy, predictions, out, format, columns, List.of());
        }

        Path repository() {
            return location.repository();
        }

        /** These options judging {@code files} ({@code --stats}) instead of rows; refused with a prediction file. */
        Options withStatistics(List<Path> files) throws BadInputException {
            if (files.isEmpty()) {
                return this;
            }
            if (predictions.isPresent()) {
                throw new BadInputException("--stats", 0, 0, "statistics files are judged instead of a prediction"
                        + " file: give --stats or --predictions, not both");
            }
            if (!columns.equals(ColumnChoice.none())) {
                throw new BadInputException("--stats", 0, 0, "statistics files were written with their columns"
                        + " (mlgates stats): --label-column, --score-column, --prediction-column and --weight-column"
                        + " apply to a prediction file only");
            }
            return new Options(location, orgPolicy, predictions, out, format, columns, files);
        }
    }

    /**
     * A loaded policy and the organisation floor it was loaded under.
     *
     * @param said the console's line saying which policy judged which repository, and how it was found
     */
    record Loaded(Workspace ws, LoadedPolicy policy, Optional<OrganisationPolicy> organisation, String said) {
    }

    /** The organisation policy named by {@code --org-policy}, else by {@value #ORG_POLICY_VARIABLE}, if any. */
    static Optional<OrganisationPolicy> organisation(Optional<Path> option, Map<String, String> environment)
            throws BadInputException {
        Optional<Path> orgFile = option.or(() -> Optional.ofNullable(environment.get(ORG_POLICY_VARIABLE))
                .filter(v -> !v.isBlank()).map(Path::of));
        if (orgFile.isEmpty()) {
            return Optional.empty();
        }
        if (!Files.exists(orgFile.get(), LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(orgFile.get().toString(), 0, 0, "organisation policy not found"
                    + (option.isEmpty() ? " (named by " + ORG_POLICY_VARIABLE + ")" : ""));
        }
        return Optional.of(new PolicyLoader().loadOrganisation(orgFile.get(), orgFile.get().toString()));
    }

    /** Loads the policy. */
    static Loaded load(Options o, Map<String, String> environment) throws BadInputException {
        Workspace ws = Workspace.at(o.repository());
        Optional<OrganisationPolicy> organisation = organisation(o.orgPolicy(), environment);
        PolicyLoader loader = organisation.map(PolicyLoader::new).orElseGet(PolicyLoader::new);
        LoadedPolicy policy;
        Optional<Path> policyFile = o.location().policyFile();
        if (policyFile.isPresent()) {
            Path file = policyFile.get();
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new BadInputException(file.toString(), 0, 0, "policy file not found");
            }
            policy = loader.load(file, ws.display(file), ws.name());
        } else {
            policy = loader.loadFromRepository(ws.root());
        }
        if (o.out().isPresent()) {
            ws.checkOutput(o.out().get(), "--out");
        }
        return new Loaded(ws, policy, organisation, o.location().said(policy.fileName()));
    }

    static GateResult validate(Loaded loaded, Options o, Optional<BaselineSource> baseline, Clock clock,
                               PrintWriter stderr) throws BadInputException {
        return new ValidationGate().evaluate(validationRequest(loaded, o, baseline, clock, stderr));
    }

    /**
     * The validation gate as a command of its own: it judges the statistics that an earlier {@code mlgates ethics} of
     * the same predictions kept in {@code place}, or keeps its read's for a later one (SharedReads).
     */
    static GateResult validate(Loaded loaded, Options o, Optional<BaselineSource> baseline, Clock clock,
                               PrintWriter stderr, Optional<SharedStatistics.Place> place) throws BadInputException {
        if (place.isEmpty()) {
            return validate(loaded, o, baseline, clock, stderr);
        }
        return told(SharedStatistics.validate(validationRequest(loaded, o, baseline, clock, stderr), place.get()),
                "mlgates ethics", stderr);
    }

    static ValidationRequest validationRequest(Loaded loaded, Options o, Optional<BaselineSource> baseline,
                                               Clock clock, PrintWriter stderr) throws BadInputException {
        String registry = loaded.policy().policy().promotion().registry();
        StageMetrics stages = new RecordedMetrics(loaded.ws().resolve(registry, "promotion.registry"), registry,
                loaded.policy().policy().modelName());
        return new ValidationRequest(loaded.ws(), loaded.policy(), o.predictions().map(RequestedFile::usersOwn),
                baseline, stages, progress(stderr), clock, chainHead(loaded), o.columns(), statistics(o));
    }

    /**
     * The ethics gate; {@code --sensitive} replaces the policy's columns and intersections, though never the
     * organisation's, which a command line may not loosen either; {@code --reference} sets reference groups over the
     * policy's, except where the organisation fixed one.
     */
    static GateResult ethics(Loaded loaded, Options o, Optional<List<String>> sensitive, Map<String, String> reference,
                             Clock clock, PrintWriter stderr) throws BadInputException {
        return new EthicsGate().evaluate(ethicsRequest(loaded, o, sensitive, reference, clock, stderr));
    }

    /** The ethics gate as a command of its own, sharing a read with {@code mlgates validate} as {@link #validate} does. */
    static GateResult ethics(Loaded loaded, Options o, Optional<List<String>> sensitive, Map<String, String> reference,
                             Clock clock, PrintWriter stderr, Optional<SharedStatistics.Place> place)
            throws BadInputException {
        if (place.isEmpty()) {
            return ethics(loaded, o, sensitive, reference, clock, stderr);
        }
        return told(SharedStatistics.ethics(ethicsRequest(loaded, o, sensitive, reference, clock, stderr), place.get()),
                "mlgates validate", stderr);
    }

    /** The result; when it was judged from kept statistics, a line on standard error says so and of which file. */
    private static GateResult told(SharedStatistics.Judged judged, String other, PrintWriter stderr) {
        SharedReads.told(judged, other).ifPresent(line -> {
            stderr.println(line);
            stderr.flush();
        });
        return judged.result();
    }

    static EthicsRequest ethicsRequest(Loaded loaded, Options o, Optional<List<String>> sensitive,
                                       Map<String, String> reference, Clock clock, PrintWriter stderr)
            throws BadInputException {
        Optional<List<String>> columns = sensitive.map(list -> {
            LinkedHashSet<String> joined = new LinkedHashSet<>(list);
            loaded.organisation().ifPresent(org -> {
                joined.addAll(org.ethics().fairness().sensitive());
                org.ethics().fairness().intersections().forEach(i -> joined.add(String.join(FairnessPolicy.JOIN, i)));
            });
            return List.copyOf(joined);
        });
        if (loaded.organisation().isPresent()) {
            Map<String, String> fixed = loaded.organisation().get().ethics().fairness().reference();
            for (Map.Entry<String, String> group : reference.entrySet()) {
                String set = fixed.get(group.getKey());
                if (set != null && !set.equals(group.getValue())) {
                    throw new BadInputException("--reference", 0, 0, "the organisation policy sets the reference group"
                            + " of '" + group.getKey() + "' to '" + set + "'; a command line may not change it");
                }
            }
        }
        return new EthicsRequest(loaded.ws(), loaded.policy(), o.predictions().map(RequestedFile::usersOwn), columns,
                reference, progress(stderr), clock, chainHead(loaded), o.columns(), statistics(o));
    }

    /** The statistics files the user named, read wherever they are, as a prediction file the user names is. */
    private static List<RequestedFile> statistics(Options o) {
        return o.statistics().stream().map(RequestedFile::usersOwn).toList();
    }

    /** The chain head of the repository's embedded registry as it is before the gate runs; the file is not changed. */
    private static SeenChainHead chainHead(Loaded loaded) throws BadInputException {
        String registry = loaded.policy().policy().promotion().registry();
        return ChainHeads.read(loaded.ws().resolve(registry, "promotion.registry"), registry);
    }

    /**
     * Writes the results as one run when {@code --out} is given, shows them, and returns the exit code of the worst.
     * A failed write is told on standard error and does not change the exit code: the verdict stands.
     */
    static int show(Loaded loaded, List<GateResult> results, Options o, PrintWriter stdout, PrintWriter stderr) {
        // Written first, so that the verdict is the last line a terminal shows, after the files written.
        o.out().ifPresent(folder -> ResultFolder.write(results, folder, false, Disk.LOCAL, stderr));
        return print(loaded, results, o.format(), stdout, stderr);
    }

    /**
     * Prints the results (tables, or JSON alone on standard output) and returns the exit code of the worst. First
     * it says which policy judged which repository: above the tables, or on standard error beside the JSON.
     */
    static int print(Loaded loaded, List<GateResult> results, OutputFormat format, PrintWriter stdout,
                     PrintWriter stderr) {
        PrintWriter said = format == OutputFormat.json ? stderr : stdout;
        said.println(loaded.said());
        said.flush();
        if (format == OutputFormat.json) {
            GateResultJson json = new GateResultJson();
            if (results.size() == 1) {
                stdout.println(json.toJson(results.get(0)));
            } else {
                // several gates: one JSON array, so that standard output stays one JSON document
                stdout.println(results.stream().map(json::toJson).reduce((a, b) -> a + ",\n" + b)
                        .map(all -> "[\n" + all + "\n]").orElse("[]"));
            }
        } else {
            ConsoleTable table = new ConsoleTable();
            for (int i = 0; i < results.size(); i++) {
                if (i > 0) {
                    stdout.println();
                }
                stdout.print(table.render(results.get(i), i > 0 ? Optional.of(results.get(i - 1)) : Optional.empty()));
            }
        }
        stdout.flush();
        Status worst = Status.worstOf(results.stream().map(GateResult::status).toList());
        return worst.isSuccessful() ? PASSED : NOT_PASSED;
    }

    /** Rows read and throughput on standard error, every two seconds once a read takes longer than that. */
    private static ProgressListener progress(PrintWriter stderr) {
        return new ThrottledProgress(Duration.ofSeconds(2), System::nanoTime, line -> {
            stderr.println("mlgates: " + line);
            stderr.flush();
        });
    }
}
