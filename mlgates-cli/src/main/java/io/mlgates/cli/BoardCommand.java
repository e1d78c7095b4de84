package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.board.Board;
import io.mlgates.core.board.BoardFilter;
import io.mlgates.core.board.BoardFilterException;
import io.mlgates.core.board.BoardJson;
import io.mlgates.core.board.BoardTable;
import io.mlgates.core.board.Boards;
import io.mlgates.core.board.GateResultRef;
import io.mlgates.core.board.LatestCandidate;
import io.mlgates.core.board.ModelFacts;
import io.mlgates.core.board.RegistryFacts;
import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PromotionPolicy;
import io.mlgates.core.policy.ReleaseTrain;
import io.mlgates.core.policy.StagePolicy;
import io.mlgates.core.registry.Approval;
import io.mlgates.core.registry.ModelRegistry;
import io.mlgates.core.registry.ModelVersion;
import io.mlgates.core.registry.RegistryException;
import io.mlgates.core.registry.SqliteRegistry;
import io.mlgates.core.release.EvidenceFiles;
import io.mlgates.core.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mlgates board}: the release-train board of model repositories, for teams without Jenkins. Reads each
 * repository's policy, its gates' results and its registry (or one shared registry); writes nothing.
 */
@Command(name = "board", mixinStandardHelpOptions = true,
        footer = "  mlgates board models/credit-risk models/fraud --status blocked",
        description = {"Shows the release-train board: each model's stages, its latest candidate, what blocks it,"
                + " the approvals it has and needs, what lapses before the departure, and the trains.",
                "Exit 0: the board was shown, whatever it says; 2: bad input (a policy, a result file, a filter, a"
                        + " registry that cannot be read); 1: a registry holds what mlgates never writes (tampered)."})
final class BoardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "REPO", arity = "0..*",
            description = "model repositories (default: the repository around the current folder, found as git"
                    + " finds its root; none when --registry is given)")
    List<Path> repositories = new ArrayList<>();

    @Option(names = "--registry", paramLabel = "FILE|URL",
            description = "one registry for every repository, an SQLite file or an MLflow tracking server's http(s)"
                    + " URL (default: each repository's own, its policy's promotion.registry); the models it knows"
                    + " that no REPO holds are listed too")
    String registry;

    @Option(names = "--org-policy", paramLabel = "FILE",
            description = "the organisation policy the repositories' policies are loaded under (default: the file"
                    + " named by " + Validation.ORG_POLICY_VARIABLE + ")")
    Path orgPolicy;

    @Option(names = "--train", paramLabel = "NAME", description = "only the models riding this train")
    String train;

    @Option(names = "--team", paramLabel = "TEAM", description = "only the models of this team (model.team)")
    String team;

    @Option(names = "--stage", paramLabel = "STAGE",
            description = "only the models whose candidate heads for this stage")
    String stage;

    @Option(names = "--status", paramLabel = "STATUS", description = "only the models of this status: blocked,"
            + " waiting, boarding, ready, released, no_candidate")
    String status;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json; default ${DEFAULT-VALUE}")
    OutputFormat format;

    private boolean sharedListed;

    @Override
    public Integer call() throws Exception {
        BoardFilter filter = filter();
        Environment env = main.environment();
        List<Path> repos = new ArrayList<>(repositories);
        if (repos.isEmpty() && registry == null) {
            repos.add(ModelLocation.of(Optional.empty(), Optional.empty(), env.folder()).repository());
        }
        List<ModelFacts> facts = new ArrayList<>();
        Set<String> held = new LinkedHashSet<>();
        Map<String, ModelFacts> registryOnly = new LinkedHashMap<>();
        for (Path repo : repos) {
            ModelFacts model = repository(repo, env, registryOnly);
            if (!held.add(model.model())) {
                throw new BadInputException(repo.toString(), 0, 0, "holds model '" + model.model() + "', as an"
                        + " earlier REPO does; give each model's repository once");
            }
            facts.add(model);
        }
        if (registry != null && repos.isEmpty()) {
            try (ModelRegistry shared = RegistryContext.named(registry, "board", env, RegistryContext.Access.READ)) {
                others(shared, registryOnly);
            }
        }
        registryOnly.keySet().removeAll(held);
        facts.addAll(registryOnly.values());
        Board board = Boards.judge(facts, env.clock().instant(), filter);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == OutputFormat.json ? new BoardJson().toJson(board) : new BoardTable().render(board));
        out.flush();
        return Promotions.DONE;
    }

    private BoardFilter filter() throws BadInputException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        put(parameters, "team", team);
        put(parameters, "stage", stage);
        put(parameters, "status", status);
        put(parameters, "train", train);
        try {
            return BoardFilter.parse(parameters);
        } catch (BoardFilterException e) {
            // the message starts with the parameter's name, which the option's name replaces
            throw new BadInputException("--" + e.parameter(), 0, 0,
                    e.getMessage().substring(e.parameter().length() + 2));
        }
    }

    private static void put(Map<String, List<String>> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, List.of(value));
        }
    }

    /** One repository's facts; the other models its registry knows go to {@code others}. */
    private ModelFacts repository(Path repo, Environment env, Map<String, ModelFacts> others) throws Exception {
        if (!Files.isDirectory(repo)) {
            throw new BadInputException(repo.toString(), 0, 0, "not a folder: expected a model repository");
        }
        Workspace workspace = Workspace.at(repo);
        LoadedPolicy loaded = RegistryContext.policy(workspace, Optional.ofNullable(orgPolicy), env);
        Policy policy = loaded.policy();
        PromotionPolicy road = policy.promotion();
        Optional<LatestCandidate> candidate = candidate(workspace, policy);
        RegistryFacts known = RegistryFacts.empty();
        Optional<ModelRegistry> opened = open(workspace, road, policy.modelName(), env);
        if (opened.isPresent()) {
            try (ModelRegistry reg = opened.get()) {
                known = registryFacts(reg, policy.modelName(), road, candidate);
                // a shared registry lists the same models for every repository: ask it once
                if (registry == null || !sharedListed) {
                    others(reg, others);
                    sharedListed = true;
                }
            }
        }
        return new ModelFacts(policy.modelName(), policy.team(), Optional.of(repo.toString()), Optional.empty(),
                road, road.train().map(ReleaseTrain::name), policy.waivers(), known, candidate, List.of());
    }

    /** The shared registry, or the repository's own when its file exists: a board never creates one. */
    private Optional<ModelRegistry> open(Workspace workspace, PromotionPolicy road, String model, Environment env)
            throws BadInputException, RegistryException {
        if (registry != null) {
            return Optional.of(RegistryContext.named(registry, model, env, RegistryContext.Access.READ));
        }
        String shown = road.registry();
        Path file = workspace.resolve(shown, "promotion.registry");
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? Optional.of(SqliteRegistry.openForReading(file, shown))
                : Optional.empty();
    }

    /**
     * The newest candidate the results folder holds for this model: the digest of the most recently evaluated
     * result of a model's artefacts, with every result for that digest. A prediction file judged without artefacts is
     * no candidate: it is never promoted.
     */
    private static Optional<LatestCandidate> candidate(Workspace workspace, Policy policy) throws BadInputException {
        String shown = policy.promotion().results();
        Path folder = workspace.resolve(shown, "promotion.results");
        List<EvidenceFiles.Found> found = EvidenceFiles.readAll(List.of(new EvidenceFiles.Folder(folder, shown)),
                StagePolicy.KNOWN_GATES).stream()
                .filter(f -> f.result().modelName().equals(policy.modelName()))
                .filter(f -> f.result().candidate().kind() == Candidate.Kind.MODEL)
                .sorted(Comparator.comparing(f -> f.result().evaluatedAt()))
                .toList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String digest = found.get(found.size() - 1).result().candidate().digest();
        List<GateResultRef> results = found.stream().filter(f -> f.result().candidate().digest().equals(digest))
                .map(f -> new GateResultRef(f.result().gate(), f.id(), f.result().status(),
                        Optional.of(f.result().evaluatedAt()), Optional.of(f.shown())))
                .toList();
        return Optional.of(new LatestCandidate(digest, shown, Optional.empty(), results));
    }

    private static RegistryFacts registryFacts(ModelRegistry reg, String model, PromotionPolicy road,
                                               Optional<LatestCandidate> candidate) throws RegistryException {
        List<ModelVersion> versions = reg.versions(model);
        Map<String, List<Approval>> approvals = new LinkedHashMap<>();
        if (candidate.isPresent() && versions.stream().anyMatch(v -> v.digest().equals(candidate.get().digest()))) {
            for (StagePolicy s : road.stages()) {
                if (s.approvals().isPresent()) {
                    List<Approval> decisions = reg.approvals(model, candidate.get().digest(), s.name());
                    if (!decisions.isEmpty()) {
                        approvals.put(s.name(), decisions);
                    }
                }
            }
        }
        return new RegistryFacts(reg.stages(model), versions, approvals);
    }

    /**
     * The models a registry knows, as far as a registry tells: their stages. Without a repository their policy is
     * unknown, so their road is the stages the registry names (those of a stage's form), or the default road.
     */
    private static void others(ModelRegistry reg, Map<String, ModelFacts> others) throws RegistryException {
        for (String name : reg.models()) {
            if (others.containsKey(name) || name.isBlank()) {
                continue;
            }
            Map<String, Integer> stages = reg.stages(name);
            List<StagePolicy> named = stages.keySet().stream().filter(s -> StagePolicy.NAME.matcher(s).matches())
                    .map(StagePolicy::of).toList();
            PromotionPolicy road = named.isEmpty() ? PromotionPolicy.defaults() : new PromotionPolicy(named, false,
                    true, Map.of(), Optional.empty(), Optional.empty(), PromotionPolicy.DEFAULT_REGISTRY,
                    PromotionPolicy.DEFAULT_RESULTS);
            others.put(name, new ModelFacts(name, Optional.empty(), Optional.empty(), Optional.empty(), road,
                    Optional.empty(), List.of(), new RegistryFacts(stages, List.of(), Map.of()), Optional.empty(),
                    List.of()));
        }
    }
}
