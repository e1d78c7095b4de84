package io.mlgates.cli;

import io.mlgates.core.policy.Policy;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which model repository a gate command judges, and under which policy file. A policy named with {@code --policy}
 * is used wherever it is; the repository is then the DIR given to {@code run}, else the policy file's folder. Without
 * either, the repository is found as git finds its root: searching up from the current folder, the first folder that
 * holds {@code mlgates.yaml}, or, failing that, the first that holds {@code .git} (a repository without a policy
 * file: every default applies there); where neither is found, the current folder. So a command started in a
 * subfolder judges its repository, never the subfolder with the defaults.
 *
 * @param repository the model repository's root
 * @param policyFile the policy file named on the command line; empty for the repository's own (or the defaults)
 * @param foundFrom the folder the search started in, when the repository was found by searching up
 */
record ModelLocation(Path repository, Optional<Path> policyFile, Optional<Path> foundFrom) {
    ModelLocation {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(policyFile, "policyFile");
        Objects.requireNonNull(foundFrom, "foundFrom");
    }

    /**
     * @param policy {@code --policy}, if given
     * @param directory the repository given as an argument ({@code run DIR}), if given
     * @param start the current folder, where the search starts
     */
    static ModelLocation of(Optional<Path> policy, Optional<Path> directory, Path start) {
        if (directory.isPresent()) {
            return new ModelLocation(directory.get(), policy, Optional.empty());
        }
        if (policy.isPresent()) {
            Path parent = policy.get().toAbsolutePath().normalize().getParent();
            return new ModelLocation(parent == null ? Path.of("") : parent, policy, Optional.empty());
        }
        Path from = start.toAbsolutePath().normalize();
        for (Path folder = from; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(Policy.DEFAULT_FILE_NAME))
                    || Files.exists(folder.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return new ModelLocation(folder, Optional.empty(), Optional.of(from));
            }
        }
        return new ModelLocation(from, Optional.empty(), Optional.of(from));
    }

    /** The console's line saying which policy judged which repository, and how the repository was found. */
    String said(Optional<String> policyFileName) {
        String root = repository.toAbsolutePath().normalize().toString();
        String policy = policyFile.map(f -> "policy " + f)
                .or(() -> policyFileName.map(f -> "policy " + repository.toAbsolutePath().normalize().resolve(f)))
                .orElse("no policy file: every default applies");
        String found = foundFrom.filter(f -> !f.equals(repository.toAbsolutePath().normalize()))
                .map(f -> ", found above " + f).orElse("");
        return "mlgates: " + policy + "; model repository " + root + found;
    }
}
