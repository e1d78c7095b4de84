package io.mlgates.core.policy;

import io.mlgates.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A policy file that cannot be used. It carries every problem found, sorted by position, not only the first;
 * its message lists them one per line as {@code file:line:column: message}. The first problem's line and
 * column are those of the {@link BadInputException}.
 */
public final class PolicyException extends BadInputException {
    private static final long serialVersionUID = 1L;

    private final List<PolicyProblem> problems;

    /**
     * @param file the policy file as the user knows it, for example {@code mlgates.yaml}
     * @param problems at least one problem; they are sorted by position
     */
    public PolicyException(String file, List<PolicyProblem> problems) {
        this(file, sorted(problems), null);
    }

    public PolicyException(String file, List<PolicyProblem> problems, Throwable cause) {
        this(file, sorted(problems), cause);
    }

    private PolicyException(String file, SortedProblems sorted, Throwable cause) {
        super(file, sorted.first().line(), sorted.first().column(), rest(file, sorted.list()));
        this.problems = sorted.list();
        if (cause != null) {
            initCause(cause);
        }
    }

    /** Every problem found, sorted by position. */
    public List<PolicyProblem> problems() {
        return problems;
    }

    private record SortedProblems(List<PolicyProblem> list) {
        PolicyProblem first() {
            return list.get(0);
        }
    }

    private static SortedProblems sorted(List<PolicyProblem> problems) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PolicyException needs at least one problem");
        }
        List<PolicyProblem> list = new ArrayList<>(problems);
        list.sort(PolicyProblem.BY_POSITION);
        return new SortedProblems(List.copyOf(list));
    }

    /** The first problem's message, followed by every other problem on a line of its own. */
    private static String rest(String file, List<PolicyProblem> problems) {
        Objects.requireNonNull(file, "file");
        StringBuilder text = new StringBuilder(problems.get(0).message());
        for (PolicyProblem problem : problems.subList(1, problems.size())) {
            text.append('\n').append(problem.describe(file));
        }
        return text.toString();
    }
}
