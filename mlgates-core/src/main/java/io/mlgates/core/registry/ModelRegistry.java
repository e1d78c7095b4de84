package io.mlgates.core.registry;

import io.mlgates.core.audit.AuditEntry;
import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.audit.AuditVerification;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where candidates are registered as model versions and where each stage points to one of them. Every change
 * (registration, stage move, approval or rejection) is appended to a hash-chained audit log in the same step, and the
 * log is the record: decisions are read from it, and {@link #verifyAudit} checks the state against it.
 *
 * <p>Implementations: {@link SqliteRegistry} (the embedded default, one file) and {@link MlflowRegistry} (an MLflow
 * tracking server's Model Registry over its REST API). A reader that finds a field mlgates never writes (NULL,
 * unparsable, out of range, retyped) throws {@link RegistryTamperedException}.
 */
public interface ModelRegistry extends AutoCloseable {
    /** Where the registry is, as shown to users: a file or a server address. */
    String location();

    /**
     * Registers a candidate as the model's next version, or returns the version that already has its digest
     * (then nothing is changed or recorded: a digest is registered once).
     *
     * @param registeredBy who runs the registration: the audit entry's actor, recorded apart from the author
     */
    ModelVersion register(Registration registration, String registeredBy) throws RegistryException;

    Optional<ModelVersion> version(String model, int version) throws RegistryException;

    Optional<ModelVersion> versionByDigest(String model, String digest) throws RegistryException;

    /** The model's versions, oldest first. */
    List<ModelVersion> versions(String model) throws RegistryException;

    /** Every model with a registered version, by name. */
    List<String> models() throws RegistryException;

    /** The version a stage points to, if any. */
    OptionalInt current(String model, String stage) throws RegistryException;

    /** Every stage of the model that points to a version, stage to version. */
    Map<String, Integer> stages(String model) throws RegistryException;

    /**
     * Points a stage to a version, records the move in the stage's history and appends it to the audit log, all or
     * nothing, and only if the stage still points where the request expects: of two moves judged against the same
     * state, exactly one succeeds.
     *
     * @throws StageConflictException when the stage points elsewhere than {@link StageMoveRequest#expected}
     */
    Recorded<StageMove> move(StageMoveRequest request) throws RegistryException;

    /** Every stage move of the model, oldest first. */
    List<StageMove> history(String model) throws RegistryException;

    /** Records an approval or a rejection and appends it to the audit log. */
    Recorded<Approval> decide(Approval decision) throws RegistryException;

    /**
     * The approvals and rejections given for a candidate's digest and a stage, oldest first, as the audit log records
     * them: a decision written only into a state table does not count.
     */
    List<Approval> approvals(String model, String digest, String stage) throws RegistryException;

    /** The audit log, by ascending place. */
    List<AuditEntry> auditLog() throws RegistryException;

    /** The newest entry of the audit log, read without writing anything; empty when the log is empty. */
    Optional<AuditHead> head() throws RegistryException;

    /**
     * Checks the audit log's hash chain and its head, replays it against the state (versions, stages, their history,
     * approvals), and checks that it still holds each anchor; names every entry, row and field that disagrees.
     *
     * @param anchors heads seen earlier and kept outside the registry
     */
    AuditVerification verifyAudit(List<AuditHead> anchors) throws RegistryException;

    /** {@link #verifyAudit(List)} without anchors. */
    default AuditVerification verifyAudit() throws RegistryException {
        return verifyAudit(List.of());
    }

    @Override
    void close() throws RegistryException;
}
