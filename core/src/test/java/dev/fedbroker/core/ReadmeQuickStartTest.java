package dev.fedbroker.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compiles and runs the quick start that README.md shows (keep the two in step). */
class ReadmeQuickStartTest {

    /** The README snippet, verbatim, except that the test runs in core/ while README's reader is at the root. */
    static void quickStart(Path examples) {
        // --- README quick start ---
        Policy policy = PolicyLoader.defaults().load(examples.resolve("policy.json"));
        EntitlementResolver resolver = EntitlementResolver.of(policy);   // index once, share everywhere
        Identity alice = Identity.builder("alice@contoso.example")      // in an app: serviceProvider.validate(...)
                .upn("alice@contoso.example")
                .groups(List.of("0b6e5a1c-3d2f-4e8b-9a7c-6d5e4f3a2b10"))
                .authnMethods(List.of(Identity.AZURE_MFA_METHOD))
                .build();
        for (Entitlement e : resolver.resolve(alice)) {
            System.out.println(e.accountId() + " " + e.permissionSetName() + " via " + e.grants().get(0).describe());
        }
        // --- end ---
    }

    @Test
    void quickStartWhenRunOnTheExamplePolicyThenPrintsAlicesPairs() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            quickStart(Path.of("..", "examples"));
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "111111111111 AdministratorAccess via user alice@contoso.example on 111111111111 (r-root/111111111111)",
                "222222222222 ReadOnlyAccess via group 0b6e5a1c-3d2f-4e8b-9a7c-6d5e4f3a2b10 on ou-prod (r-root/ou-prod)",
                "444444444444 ReadOnlyAccess via group 0b6e5a1c-3d2f-4e8b-9a7c-6d5e4f3a2b10 on ou-prod (r-root/ou-prod)");
    }
}
