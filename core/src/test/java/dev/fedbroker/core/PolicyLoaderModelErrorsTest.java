package dev.fedbroker.core;

import static dev.fedbroker.core.TestPolicies.ORGANIZATION;
import static dev.fedbroker.core.TestPolicies.PERMISSION_SETS;
import static dev.fedbroker.core.TestPolicies.doc;
import static dev.fedbroker.core.TestPolicies.assertOnly;
import static dev.fedbroker.core.TestPolicies.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.fedbroker.core.PolicyProblem.Code;
import dev.fedbroker.core.PolicyProblem.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per policy load error of the model (ids, names, durations, duplicates, references), asserting code and path. */
class PolicyLoaderModelErrorsTest {

    @Test
    void parseWhenNameBlankThenInvalidValue() {
        String json = doc("{\"id\": \"r-root\", \"name\": \"Root\", \"accounts\": [{\"id\": \"111111111111\", \"name\": \" \"}]}",
                PERMISSION_SETS, "[]");

        assertOnly(problems(json), Code.INVALID_VALUE, "$.organization.accounts[0].name");
    }

    @Test
    void parseWhenDescriptionTooLongThenInvalidValue() {
        String json = doc(ORGANIZATION, "[{\"name\": \"ReadOnlyAccess\", \"sessionDuration\": \"PT1H\", \"description\": \""
                + "d".repeat(701) + "\"}]", "[]");

        assertOnly(problems(json), Code.INVALID_VALUE, "$.permissionSets[0].description");
    }

    @Test
    void parseWhenDurationBelowFifteenMinutesThenOutOfRange() {
        String json = doc(ORGANIZATION, "[{\"name\": \"ReadOnlyAccess\", \"sessionDuration\": \"PT14M59S\"}]", "[]");

        assertOnly(problems(json), Code.DURATION_OUT_OF_RANGE, "$.permissionSets[0].sessionDuration");
    }

    @Test
    void parseWhenDurationAboveTwelveHoursThenOutOfRange() {
        String json = doc(ORGANIZATION, "[{\"name\": \"ReadOnlyAccess\", \"sessionDuration\": \"P1D\"}]", "[]");

        assertOnly(problems(json), Code.DURATION_OUT_OF_RANGE, "$.permissionSets[0].sessionDuration");
    }

    @Test
    void parseWhenAccountAppearsTwiceInTheTreeThenDuplicateAccountAtSecond() {
        String org = """
                {"id": "r-root", "name": "Root", "accounts": [{"id": "111111111111", "name": "a"}],
                 "units": [{"id": "ou-a", "name": "A", "units": [{"id": "ou-b", "name": "B",
                            "accounts": [{"id": "111111111111", "name": "again"}]}]}]}""";

        assertOnly(problems(doc(org, PERMISSION_SETS, "[]")), Code.DUPLICATE_ACCOUNT,
                "$.organization.units[0].units[0].accounts[0].id");
    }

    @Test
    void parseWhenSiblingUnitsShareAnIdThenDuplicateUnit() {
        String org = """
                {"id": "r-root", "name": "Root", "units": [{"id": "ou-a", "name": "A"}, {"id": "ou-a", "name": "A2"}]}""";

        assertOnly(problems(doc(org, PERMISSION_SETS, "[]")), Code.DUPLICATE_UNIT, "$.organization.units[1].id");
    }

    @Test
    void parseWhenUnitNestedInsideAUnitOfTheSameIdThenCycle() {
        String org = """
                {"id": "r-root", "name": "Root", "units": [{"id": "ou-a", "name": "A", "units": [
                    {"id": "ou-b", "name": "B", "units": [{"id": "ou-a", "name": "A again"}]}]}]}""";

        assertOnly(problems(doc(org, PERMISSION_SETS, "[]")), Code.CYCLE,
                "$.organization.units[0].units[0].units[0].id");
    }

    @Test
    void parseWhenPermissionSetDefinedTwiceThenDuplicatePermissionSet() {
        String sets = """
                [{"name": "ReadOnlyAccess", "sessionDuration": "PT1H"}, {"name": "ReadOnlyAccess", "sessionDuration": "PT2H"}]""";

        assertOnly(problems(doc(ORGANIZATION, sets, "[]")), Code.DUPLICATE_PERMISSION_SET, "$.permissionSets[1].name");
    }

    @Test
    void parseWhenAssignmentNamesUndefinedPermissionSetThenUnknownPermissionSet() {
        String assignments = """
                [{"group": "g1", "target": "ou-prod", "permissionSet": "ReadOnlyAccess"},
                 {"group": "g2", "target": "ou-prod", "permissionSet": "ReadOnlyAccess"},
                 {"group": "g3", "target": "ou-prod", "permissionSet": "ReadOnlyAccess"},
                 {"group": "g4", "target": "ou-prod", "permissionSet": "readonlyaccess"}]""";

        assertOnly(problems(doc(ORGANIZATION, PERMISSION_SETS, assignments)), Code.UNKNOWN_PERMISSION_SET,
                "$.assignments[3].permissionSet");
    }

    @Test
    void parseWhenAssignmentTargetsAccountNotInTreeThenUnknownTarget() {
        String assignments = "[{\"group\": \"g\", \"target\": \"999999999999\", \"permissionSet\": \"ReadOnlyAccess\"}]";

        assertOnly(problems(doc(ORGANIZATION, PERMISSION_SETS, assignments)), Code.UNKNOWN_TARGET,
                "$.assignments[0].target");
    }

    @Test
    void parseWhenAssignmentTargetsUnitNotInTreeThenUnknownTarget() {
        String assignments = "[{\"user\": \"u\", \"target\": \"ou-missing\", \"permissionSet\": \"ReadOnlyAccess\"}]";

        assertOnly(problems(doc(ORGANIZATION, PERMISSION_SETS, assignments)), Code.UNKNOWN_TARGET,
                "$.assignments[0].target");
    }

    @Test
    void parseWhenAssignmentNamesGroupAndUserThenPrincipalConflict() {
        String assignments = "[{\"group\": \"g\", \"user\": \"u\", \"target\": \"ou-prod\", \"permissionSet\": \"ReadOnlyAccess\"}]";

        assertOnly(problems(doc(ORGANIZATION, PERMISSION_SETS, assignments)), Code.PRINCIPAL_CONFLICT, "$.assignments[0]");
    }

    @Test
    void parseWhenAssignmentNamesNoPrincipalThenPrincipalMissing() {
        String assignments = "[{\"target\": \"ou-prod\", \"permissionSet\": \"ReadOnlyAccess\"}]";

        assertOnly(problems(doc(ORGANIZATION, PERMISSION_SETS, assignments)), Code.PRINCIPAL_MISSING, "$.assignments[0]");
    }

    @Test
    void parseWhenSeveralProblemsThenReportsEveryOneInDocumentOrder() {
        String json = """
                {"organization": {"id": "r-root", "name": "Root", "accounts": [{"id": "12", "name": "m"}]},
                 "permissionSets": [{"name": "ReadOnlyAccess", "sessionDuration": "PT20H"}],
                 "assignments": [{"group": "g", "target": "ou-x", "permissionSet": "Nope"}],
                 "acceptRoleClaim": true}""";

        List<PolicyProblem> problems = problems(json);

        assertThat(problems).extracting(PolicyProblem::code, PolicyProblem::path).containsExactly(
                tuple(Code.MALFORMED_ACCOUNT_ID, "$.organization.accounts[0].id"),
                tuple(Code.DURATION_OUT_OF_RANGE, "$.permissionSets[0].sessionDuration"),
                tuple(Code.UNKNOWN_TARGET, "$.assignments[0].target"),
                tuple(Code.UNKNOWN_PERMISSION_SET, "$.assignments[0].permissionSet"),
                tuple(Code.UNKNOWN_FIELD, "$.acceptRoleClaim"));
        assertThat(problems).extracting(p -> p.location().map(Location::line).orElse(0)).containsExactly(1, 2, 3, 3, 4);
    }
}
