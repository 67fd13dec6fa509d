package dev.fedbroker.cli;

import dev.fedbroker.core.Policy;
import dev.fedbroker.core.PolicyException;
import dev.fedbroker.core.PolicyLoader;
import java.io.ByteArrayInputStream;

/** Loads a policy file named by an option; an invalid policy is a usage error listing its first problem. */
final class PolicyFiles {

    private PolicyFiles() {
    }

    static Policy load(CliContext context, String file) {
        byte[] bytes = Inputs.read(context, file, "policy");
        try {
            return PolicyLoader.defaults().parse(new ByteArrayInputStream(bytes));
        } catch (PolicyException e) {
            int more = e.problems().size() - 1;
            throw new UsageException("invalid policy '" + file + "': " + e.problems().get(0)
                    + (more > 0 ? " (and " + more + " more problem" + (more > 1 ? "s" : "") + "; --debug lists them)"
                    : ""), e);
        }
    }
}
