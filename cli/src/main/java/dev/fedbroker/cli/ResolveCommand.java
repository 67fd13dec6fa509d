package dev.fedbroker.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.core.AccountRole;
import dev.fedbroker.core.DroppedCandidate;
import dev.fedbroker.core.Entitlement;
import dev.fedbroker.core.EntitlementResolver;
import dev.fedbroker.core.Explanation;
import dev.fedbroker.core.Grant;
import dev.fedbroker.core.Identity;
import dev.fedbroker.core.Policy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fedbroker resolve}: the (account, permission set) pairs a policy gives an identity, one JSON line each. */
@Command(name = "resolve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The entitlements a policy gives an identity, one JSON object per line, ordered by account id"
                + " then permission set.",
                "The identity JSON has the shape validate prints (its whole output line is accepted too)."
                        + " Without a directory, an identity with group overage gets no group grants."},
        footer = {"", "With --explain, each granted line lists its grants, and a line with \"status\":\"dropped\""
                + " follows for each assignment that matched but was left out (e.g. MFA_REQUIRED), with the reason.",
                "Exit codes: 0 resolved (even to nothing), 2 usage error or invalid policy/identity."})
final class ResolveCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--policy", paramLabel = "POLICY.json", required = true, description = "The policy (JSON).")
    String policyFile;

    @Option(names = "--identity", paramLabel = "IDENTITY.json", required = true,
            description = "The identity (JSON, as validate prints it); '-' reads standard input.")
    String identityFile;

    @Option(names = "--explain", description = "Add the grants of each pair and the dropped assignments with reasons.")
    boolean explain;

    ResolveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Inputs.requireReadable(policyFile, "policy");
        Inputs.requireReadable(identityFile, "identity");
        Policy policy = PolicyFiles.load(context, policyFile);
        Identity identity = readIdentity();
        Explanation explanation = EntitlementResolver.of(policy).explain(identity);
        for (Entitlement e : explanation.granted()) {
            ObjectNode line = context.object();
            line.put("status", "granted");
            line.put("accountId", e.accountId());
            line.put("accountName", e.accountName());
            line.put("permissionSet", e.permissionSetName());
            line.put("sessionDuration", e.sessionDuration().toString());
            if (explain) {
                grants(line.putArray("grants"), e.grants());
            }
            context.printJsonLine(line);
        }
        if (explain) {
            for (DroppedCandidate d : explanation.dropped()) {
                ObjectNode line = context.object();
                line.put("status", "dropped");
                line.put("reason", d.reason().name());
                line.put("accountId", d.accountRole().map(AccountRole::accountId).orElse(null));
                line.put("permissionSet", d.accountRole().map(AccountRole::permissionSetName).orElse(null));
                line.put("message", d.message());
                grants(line.putArray("grants"), d.grants());
                context.printJsonLine(line);
            }
        }
        return Main.OK;
    }

    private Identity readIdentity() {
        String text = new String(Inputs.read(context, identityFile, "identity"), StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = context.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UsageException("identity '" + identityFile + "' is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new UsageException("identity '" + identityFile + "' is empty");
        }
        try {
            return IdentityJson.read(root, "identity '" + identityFile + "'");
        } catch (IllegalArgumentException e) {
            throw new UsageException("identity '" + identityFile + "': " + e.getMessage(), e);
        }
    }

    private static void grants(ArrayNode array, List<Grant> grants) {
        for (Grant g : grants) {
            ObjectNode n = array.addObject();
            n.put("kind", g.kind().name());
            n.put("principal", g.principal());
            n.put("target", g.target());
            ArrayNode path = n.putArray("targetPath");
            g.targetPath().forEach(path::add);
            g.rolePair().ifPresent(p -> {
                n.put("roleArn", p.roleArn());
                n.put("samlProviderArn", p.samlProviderArn());
            });
        }
    }
}
