package dev.fedbroker.core;

import java.util.List;
import java.util.Objects;

/**
 * A policy that cannot be used, with every problem found (not only the first). Thrown by {@link PolicyLoader},
 * {@link Policy#of} and the policy records. Immutable and thread-safe.
 */
public final class PolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int PROBLEMS_IN_MESSAGE = 20;

    private final transient List<PolicyProblem> problems;

    /** @param problems at least one problem */
    public PolicyException(List<PolicyProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in document order where the input had one. Never empty. */
    public List<PolicyProblem> problems() {
        return problems;
    }

    /** The code of the first problem. */
    public PolicyProblem.Code reason() {
        return problems.get(0).code();
    }

    private static String describe(List<PolicyProblem> problems) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PolicyException needs at least one problem");
        }
        StringBuilder sb = new StringBuilder("Invalid policy: ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        problems.stream().limit(PROBLEMS_IN_MESSAGE).forEach(p -> sb.append("\n  ").append(p));
        if (problems.size() > PROBLEMS_IN_MESSAGE) {
            sb.append("\n  ... and ").append(problems.size() - PROBLEMS_IN_MESSAGE).append(" more (see problems())");
        }
        return sb.toString();
    }
}
