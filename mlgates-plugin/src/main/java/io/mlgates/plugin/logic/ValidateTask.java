package io.mlgates.plugin.logic;

import io.mlgates.core.BadInputException;
import io.mlgates.core.data.ProgressListener;
import io.mlgates.core.gate.BaselineSource;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.RequestedFile;
import io.mlgates.core.gate.SharedStatistics;
import io.mlgates.core.gate.StageMetrics;
import io.mlgates.core.gate.ValidationGate;
import io.mlgates.core.gate.ValidationRequest;
import io.mlgates.core.policy.ColumnChoice;
import io.mlgates.core.policy.PolicyLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code mlValidate}'s arguments, which mirror {@code mlgates validate}'s options; see {@link ModelRepository} for how
 * the paths are read.
 *
 * @param policy the policy file, or null for {@code mlgates.yaml} in the working directory (or the defaults)
 * @param predictions a prediction file instead of the policy's, or null
 * @param baseline a baseline metrics file instead of the policy's, or null
 * @param organisation the organisation policy from Manage Jenkins, whose floor the model policy may only tighten, or
 *     null for none
 * @param stats statistics files to judge instead of the prediction rows, as {@code --stats} takes them; empty to read
 *     the rows
 */
public record ValidateTask(String policy, String predictions, String baseline, OrganisationText organisation,
                           List<String> stats) implements GateTask {
    private static final long serialVersionUID = 3L;

    public ValidateTask {
        stats = List.copyOf(stats);
    }

    /** Reading the rows. */
    public ValidateTask(String policy, String predictions, String baseline, OrganisationText organisation) {
        this(policy, predictions, baseline, organisation, List.of());
    }

    /** Reading the rows, without an organisation policy. */
    public ValidateTask(String policy, String predictions, String baseline) {
        this(policy, predictions, baseline, null);
    }

    @Override
    public String gate() {
        return ValidationGate.NAME;
    }

    @Override
    public GateResult evaluate(Path workDir, ProgressListener progress, Clock clock) throws BadInputException {
        return new ValidationGate().evaluate(request(workDir, progress, clock));
    }

    @Override
    public SharedStatistics.Judged evaluate(Path workDir, ProgressListener progress, Clock clock,
                                            SharedStatistics.Place place) throws BadInputException {
        return SharedStatistics.validate(request(workDir, progress, clock), place);
    }

    private ValidationRequest request(Path workDir, ProgressListener progress, Clock clock) throws BadInputException {
        ModelRepository model = ModelRepository.locate(workDir, policy, organisation == null ? new PolicyLoader()
                : new PolicyLoader(organisation.load()));
        return new ValidationRequest(model.repository(), model.policy(),
                model.inRepository(predictions, "predictions").map(RequestedFile::inRepository),
                model.inRepository(baseline, "baseline").map(b -> new BaselineSource.File(
                        RequestedFile.inRepository(b))), StageMetrics.unavailable("a baseline from a stage reads"
                        + " the team registry, which lives with the Jenkins controller, while the gate runs where the"
                        + " workspace is; in Jenkins, name a metrics file with baseline.path"), progress, clock,
                model.unseenChainHead(), ColumnChoice.none(), GateTask.statistics(model, predictions, stats));
    }
}
