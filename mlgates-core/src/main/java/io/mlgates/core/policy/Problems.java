package io.mlgates.core.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems found in one policy file, in every stage (YAML, schema, rules). A value that was already
 * reported while reading (a forbidden tag, a number that is not finite) is marked, so that later stages do
 * not report it a second time.
 */
final class Problems {
    private final Set<PolicyProblem> found = new LinkedHashSet<>();
    private final Set<String> reported = new HashSet<>();

    void add(SourcePosition at, String message) {
        found.add(new PolicyProblem(at.line(), at.column(), message));
    }

    /** Marks the value at this JSON pointer (and everything below it) as already reported. */
    void markReported(String pointer) {
        reported.add(pointer);
    }

    /** Whether the value at this pointer, or one that contains it, was already reported. */
    boolean isReported(String pointer) {
        for (String p = pointer; ; p = Pointers.parent(p)) {
            if (reported.contains(p)) {
                return true;
            }
            if (p.isEmpty()) {
                return false;
            }
        }
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<PolicyProblem> list() {
        return new ArrayList<>(found);
    }
}
