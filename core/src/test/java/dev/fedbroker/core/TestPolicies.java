package dev.fedbroker.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.fedbroker.core.PolicyProblem.Code;
import java.util.List;

/** Policy documents shared by tests. */
final class TestPolicies {

    /** The example of issue 3, verbatim. */
    static final String ISSUE_EXAMPLE = """
            {"organization": {"id": "r-root", "name": "Root", "accounts": [{"id": "111111111111", "name": "management"}],
                              "units": [{"id": "ou-prod", "name": "Production", "accounts": [{"id": "222222222222", "name": "payments-prod"}], "units": []}]},
             "permissionSets": [{"name": "ReadOnlyAccess", "sessionDuration": "PT8H"}, {"name": "AdministratorAccess", "sessionDuration": "PT1H", "requireMfa": true}],
             "assignments": [{"group": "0b6e5a1c-3d2f-4e8b-9a7c-6d5e4f3a2b10", "target": "ou-prod", "permissionSet": "ReadOnlyAccess"},
                             {"user": "alice@contoso.example", "target": "111111111111", "permissionSet": "AdministratorAccess"}],
             "acceptRoleClaims": false}
            """;

    static final String ORGANIZATION = """
            {"id": "r-root", "name": "Root", "accounts": [{"id": "111111111111", "name": "management"}],
             "units": [{"id": "ou-prod", "name": "Production",
                        "accounts": [{"id": "222222222222", "name": "payments-prod"}],
                        "units": [{"id": "ou-eu", "name": "Europe", "accounts": [{"id": "333333333333", "name": "eu-prod"}]}]}]}""";
    static final String PERMISSION_SETS = """
            [{"name": "ReadOnlyAccess", "sessionDuration": "PT8H"},
             {"name": "AdministratorAccess", "sessionDuration": "PT1H", "requireMfa": true}]""";
    static final String ASSIGNMENTS = """
            [{"group": "g-readers", "target": "ou-prod", "permissionSet": "ReadOnlyAccess"}]""";

    private TestPolicies() {
    }

    /** A policy document from its three parts. */
    static String doc(String organization, String permissionSets, String assignments) {
        return "{\"organization\": " + organization + ",\n\"permissionSets\": " + permissionSets
                + ",\n\"assignments\": " + assignments + "}";
    }

    /** The problems that loading {@code json} reports (failing the test when it loads). */
    static List<PolicyProblem> problems(String json) {
        return problems(PolicyLoader.defaults(), json);
    }

    static List<PolicyProblem> problems(PolicyLoader loader, String json) {
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> loader.parse(json));
        assertThat(e).as("expected a PolicyException").isNotNull();
        return e.problems();
    }

    /** Asserts exactly one problem, with this code and path. */
    static void assertOnly(List<PolicyProblem> problems, Code code, String path) {
        assertThat(problems).extracting(PolicyProblem::code, PolicyProblem::path).containsExactly(tuple(code, path));
    }
}
