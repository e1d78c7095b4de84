package io.mlgates.plugin.logic;

import io.mlgates.core.gate.SharedStatistics;
import java.io.Serializable;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the gates of one build share one read of the predictions ({@link SharedStatistics}), as the controller hands
 * it to each step's callable: the workspace's temporary folder on the agent (Jenkins' {@code <workspace>@tmp}, which
 * no {@code archiveArtifacts} or {@code junit} glob of the workspace sees), the build's name, and the key the
 * controller drew for the build. The key travels to the agent's gate only; it is never written there.
 */
public final class BuildShare implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Longest job name kept in a folder's name; the build number keeps names apart. */
    static final int MAX_NAME = 80;

    private final String temporaryFolder;
    private final String build;
    private final byte[] key;

    private BuildShare(String temporaryFolder, String build, byte[] key) {
        this.temporaryFolder = Objects.requireNonNull(temporaryFolder, "temporaryFolder");
        this.build = Objects.requireNonNull(build, "build");
        this.key = key.clone();
    }

    /**
     * The share of a build running in a workspace, or empty when the step's environment names no workspace (then each
     * gate reads the rows).
     *
     * @param environment the step's environment: {@code WORKSPACE_TMP}, which a {@code node} block sets to its
     *     workspace's temporary folder, or else {@code WORKSPACE}, whose {@code @tmp} sibling it is
     * @param job the job's full name ({@code team/credit-risk})
     * @param number the build's number
     * @param key the build's secret
     */
    public static Optional<BuildShare> of(Map<String, String> environment, String job, int number, byte[] key) {
        String temporary = environment.get("WORKSPACE_TMP");
        if (temporary == null || temporary.isBlank()) {
            String workspace = environment.get("WORKSPACE");
            if (workspace == null || workspace.isBlank()) {
                return Optional.empty();
            }
            temporary = workspace.replaceAll("[/\\\\]+$", "") + "@tmp";
        }
        String name = job.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
        return Optional.of(new BuildShare(temporary, name + "-" + number, key));
    }

    /**
     * This build's folder on the agent, {@code <temporary folder>/mlgates/<job>-<build>}; empty unless it is an
     * absolute path outside the step's working directory (an environment a script changed can name anything).
     */
    public Optional<SharedStatistics.Place> place(Path workDir) {
        SharedStatistics.Place place;
        try {
            Path temporary = Path.of(temporaryFolder);
            if (!temporary.isAbsolute()) {
                return Optional.empty();
            }
            place = new SharedStatistics.Place(temporary.normalize().resolve("mlgates").resolve(build), key);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        return place.isOutside(workDir) ? Optional.of(place) : Optional.empty();
    }
}
