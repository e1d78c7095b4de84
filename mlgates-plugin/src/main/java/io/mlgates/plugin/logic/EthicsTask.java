package io.mlgates.plugin.logic;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.gate.EthicsGate;
import io.mlgates.core.gate.EthicsRequest;
import io.mlgates.core.gate.RequestedFile;
import io.mlgates.core.gate.SensitiveColumns;
import io.mlgates.core.gate.SharedStatistics;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.policy.OrganisationPolicy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mlEthicsGate}'s arguments, which mirror {@code mlgates ethics}'s options; see {@link ModelRepository} for how
 * the paths are read.
 *
 * @param policy the policy file, or null for {@code mlgates.yaml} in the working directory (or the defaults)
 * @param predictions a prediction file instead of the policy's, or null
 * @param sensitive sensitive columns instead of the policy's, comma-separated as {@code --sensitive} takes them
 *     ({@code sex,age_band}), or null; the organisation policy's columns are judged as well
 * @param orgPolicy the organisation policy the model policy may tighten but never loosen, relative to the working
 *     directory, or null for none
 * @param organisation the organisation policy from Manage Jenkins, or null for none; when set, it is the organisation
 *     policy, and a step may not name another
 * @param stats statistics files to judge instead of the prediction rows, as {@code --stats} takes them; empty to read
 *     the rows
 */
public record EthicsTask(String policy, String predictions, String sensitive, String orgPolicy,
                         OrganisationText organisation, List<String> stats) implements GateTask {
    private static final long serialVersionUID = 3L;

    public EthicsTask {
        stats = List.copyOf(stats);
    }

    /** Reading the rows. */
    public EthicsTask(String policy, String predictions, String sensitive, String orgPolicy,
                      OrganisationText organisation) {
        this(policy, predictions, sensitive, orgPolicy, organisation, List.of());
    }

    /** Without an organisation policy from Manage Jenkins. */
    public EthicsTask(String policy, String predictions, String sensitive, String orgPolicy) {
        this(policy, predictions, sensitive, orgPolicy, null);
    }

    @Override
    public String gate() {
        return EthicsGate.NAME;
    }

    @Override
    public GateResult evaluate(Path workDir, ProgressListener progress, Clock clock) throws BadInputException {
        return new EthicsGate().evaluate(request(workDir, progress, clock));
    }

    @Override
    public SharedStatistics.Judged evaluate(Path workDir, ProgressListener progress, Clock clock,
                                            SharedStatistics.Place place) throws BadInputException {
        return SharedStatistics.ethics(request(workDir, progress, clock), place);
    }

    private EthicsRequest request(Path workDir, ProgressListener progress, Clock clock) throws BadInputException {
        Optional<List<String>> columns = columns();
        Optional<OrganisationPolicy> organisation = organisation(workDir);
        ModelRepository model = ModelRepository.locate(workDir, policy,
                organisation.map(PolicyLoader::new).orElseGet(PolicyLoader::new));
        Optional<List<String>> judged = columns.map(list -> {
            LinkedHashSet<String> joined = new LinkedHashSet<>(list);
            organisation.ifPresent(org -> joined.addAll(org.ethics().fairness().sensitive()));
            return List.copyOf(joined);
        });
        return new EthicsRequest(model.repository(), model.policy(),
                model.inRepository(predictions, "predictions").map(RequestedFile::inRepository), judged, Map.of(),
                progress, clock, model.unseenChainHead(), ColumnChoice.none(),
                GateTask.statistics(model, predictions, stats));
    }

    /** The columns of {@code sensitive}, or empty for the policy's; an empty name is bad input, as on the CLI. */
    Optional<List<String>> columns() throws BadInputException {
        return sensitive == null ? Optional.empty() : Optional.of(SensitiveColumns.parse(sensitive, "sensitive"));
    }

    private Optional<OrganisationPolicy> organisation(Path workDir) throws BadInputException {
        if (organisation != null) {
            if (orgPolicy != null) {
                throw new BadInputException("orgPolicy", 0, 0, "'" + orgPolicy + "': the organisation policy is set in"
                        + " Manage Jenkins and applies to every gate; expected no orgPolicy argument");
            }
            return Optional.of(organisation.load());
        }
        if (orgPolicy == null) {
            return Optional.empty();
        }
        Workspace work = Workspace.at(workDir);
        Path file = work.resolve(orgPolicy, "orgPolicy");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(orgPolicy, 0, 0, "organisation policy not found");
        }
        return Optional.of(new PolicyLoader().loadOrganisation(file, work.display(file)));
    }
}
