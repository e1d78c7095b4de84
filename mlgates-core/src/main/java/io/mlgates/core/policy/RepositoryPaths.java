package io.mlgates.core.policy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Checks that a path written in a policy stays inside the model repository: relative, and not climbing out
 * with {@code ..}. Both {@code /} and {@code \} count as separators, so that a policy means the same on every
 * agent. Whether a symbolic link leads outside is checked where the path is resolved ({@code Workspace}, through the
 * real path of its nearest existing part, for paths the tool is about to create too).
 */
final class RepositoryPaths {
    private RepositoryPaths() {
    }

    /** Why the path does not stay inside the repository; empty when it does. */
    static Optional<String> problem(String path) {
        if (path.indexOf('\0') >= 0) {
            return Optional.of("contains a NUL character");
        }
        String slashed = path.replace('\\', '/');
        if (slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*")) {
            return Optional.of("'" + Texts.clip(path) + "' is an absolute path; paths in a policy are relative to"
                    + " the model repository");
        }
        Deque<String> names = new ArrayDeque<>();
        for (String name : slashed.split("/")) {
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (names.isEmpty()) {
                    return Optional.of("'" + Texts.clip(path) + "' leads out of the model repository; paths in a"
                            + " policy must stay inside it");
                }
                names.removeLast();
            } else {
                names.addLast(name);
            }
        }
        return Optional.empty();
    }
}
