package dev.fedbroker.core;

import static dev.fedbroker.core.TestPolicies.ORGANIZATION;
import static dev.fedbroker.core.TestPolicies.PERMISSION_SETS;
import static dev.fedbroker.core.TestPolicies.assertOnly;
import static dev.fedbroker.core.TestPolicies.problems;
import static dev.fedbroker.core.TestPolicies.doc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fedbroker.core.PolicyProblem.Code;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per policy load error of the JSON layer (syntax, limits, fields, types), asserting code and path. */
class PolicyLoaderSyntaxErrorsTest {

    @Test
    void parseWhenJsonMalformedThenReportsLineAndColumn() {
        String json = "{\"organization\": {\"id\": \"r-root\",\n  \"name\": \"Root\" \"accounts\": []}}";

        List<PolicyProblem> problems = problems(json);

        assertOnly(problems, Code.MALFORMED_JSON, "$.organization.name");
        assertThat(problems.get(0).location()).hasValueSatisfying(l -> assertThat(l.line()).isEqualTo(2));
    }

    @Test
    void parseWhenContentFollowsTheObjectThenMalformedJson() {
        assertOnly(problems(TestPolicies.ISSUE_EXAMPLE + " {}"), Code.MALFORMED_JSON, "$");
    }

    @Test
    void parseWhenEmptyThenMalformedJson() {
        assertOnly(problems("  "), Code.MALFORMED_JSON, "$");
    }

    @Test
    void parseWhenTextLargerThanLimitThenInputTooLarge() {
        assertOnly(problems(PolicyLoader.withMaxBytes(100), TestPolicies.ISSUE_EXAMPLE), Code.INPUT_TOO_LARGE, "$");
    }

    @Test
    void parseWhenStreamLargerThanLimitThenInputTooLarge() {
        var in = new ByteArrayInputStream(TestPolicies.ISSUE_EXAMPLE.getBytes(StandardCharsets.UTF_8));

        PolicyException e = catchThrowableOfType(PolicyException.class, () -> PolicyLoader.withMaxBytes(100).parse(in));

        assertThat(e.reason()).isEqualTo(Code.INPUT_TOO_LARGE);
    }

    @Test
    void loadWhenFileLargerThanLimitThenInputTooLarge(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("p.json"), TestPolicies.ISSUE_EXAMPLE);

        PolicyException e = catchThrowableOfType(PolicyException.class, () -> PolicyLoader.withMaxBytes(100).load(file));

        assertThat(e.reason()).isEqualTo(Code.INPUT_TOO_LARGE);
    }

    @Test
    void parseWhenNestingTooDeepThenLimitExceeded() {
        String json = "{\"organization\": " + "[".repeat(100) + "]".repeat(100) + "}";

        assertThat(problems(json)).extracting(PolicyProblem::code).containsExactly(Code.LIMIT_EXCEEDED);
    }

    @Test
    void parseWhenStringTooLongThenLimitExceeded() {
        String json = "{\"organization\": {\"id\": \"r-root\", \"name\": \"" + "x".repeat(20_000) + "\"}}";

        assertThat(problems(json)).extracting(PolicyProblem::code).containsExactly(Code.LIMIT_EXCEEDED);
    }

    @Test
    void parseWhenTopLevelIsNotAnObjectThenWrongType() {
        assertOnly(problems("[1, 2]"), Code.WRONG_TYPE, "$");
    }

    @Test
    void parseWhenFieldUnknownThenUnknownFieldAtItsPath() {
        String json = doc(ORGANIZATION, PERMISSION_SETS,
                "[{\"group\": \"g\", \"target\": \"ou-prod\", \"permissionSet\": \"ReadOnlyAccess\", \"note\": 1}]");

        assertOnly(problems(json), Code.UNKNOWN_FIELD, "$.assignments[0].note");
    }

    @Test
    void parseWhenFieldRepeatedThenDuplicateField() {
        String json = doc(ORGANIZATION, PERMISSION_SETS,
                "[{\"group\": \"g\", \"target\": \"ou-prod\", \"target\": \"ou-eu\", \"permissionSet\": \"ReadOnlyAccess\"}]");

        assertOnly(problems(json), Code.DUPLICATE_FIELD, "$.assignments[0].target");
    }

    @Test
    void parseWhenBooleanWrittenAsStringThenWrongType() {
        String json = doc(ORGANIZATION, "[{\"name\": \"Admin\", \"sessionDuration\": \"PT1H\", \"requireMfa\": \"true\"}]",
                "[]");

        assertOnly(problems(json), Code.WRONG_TYPE, "$.permissionSets[0].requireMfa");
    }

    @Test
    void parseWhenAccountIdIsANumberThenWrongType() {
        String json = doc("{\"id\": \"r-root\", \"name\": \"Root\", \"accounts\": [{\"id\": 111111111111, \"name\": \"m\"}]}",
                PERMISSION_SETS, "[]");

        assertOnly(problems(json), Code.WRONG_TYPE, "$.organization.accounts[0].id");
    }

    @Test
    void parseWhenArrayExpectedButObjectFoundThenWrongType() {
        String json = doc(ORGANIZATION, PERMISSION_SETS, "{}");

        assertOnly(problems(json), Code.WRONG_TYPE, "$.assignments");
    }

    @Test
    void parseWhenRequiredFieldMissingThenMissingField() {
        String json = doc(ORGANIZATION, "[{\"name\": \"ReadOnlyAccess\"}]", "[]");

        assertOnly(problems(json), Code.MISSING_FIELD, "$.permissionSets[0].sessionDuration");
    }

    @Test
    void parseWhenRequiredFieldNullThenMissingField() {
        String json = doc("{\"id\": \"r-root\", \"name\": null}", PERMISSION_SETS, "[]");

        assertOnly(problems(json), Code.MISSING_FIELD, "$.organization.name");
    }

    @Test
    void parseWhenTopLevelSectionMissingThenMissingField() {
        String json = "{\"organization\": " + ORGANIZATION + ", \"permissionSets\": []}";

        assertOnly(problems(json), Code.MISSING_FIELD, "$.assignments");
    }

    @Test
    void parseWhenAccountIdNotTwelveDigitsThenMalformedAccountId() {
        String json = doc("{\"id\": \"r-root\", \"name\": \"Root\", \"accounts\": [{\"id\": \"12345678901\", \"name\": \"m\"}]}",
                PERMISSION_SETS, "[]");

        assertOnly(problems(json), Code.MALFORMED_ACCOUNT_ID, "$.organization.accounts[0].id");
    }

    @Test
    void parseWhenUnitIdLacksPrefixThenMalformedUnitId() {
        String json = doc("{\"id\": \"r-root\", \"name\": \"Root\", \"units\": [{\"id\": \"prod\", \"name\": \"P\"}]}",
                PERMISSION_SETS, "[]");

        assertOnly(problems(json), Code.MALFORMED_UNIT_ID, "$.organization.units[0].id");
    }

    @Test
    void parseWhenRootIdLacksPrefixThenMalformedUnitId() {
        String json = doc("{\"id\": \"root\", \"name\": \"Root\"}", PERMISSION_SETS, "[]");

        assertOnly(problems(json), Code.MALFORMED_UNIT_ID, "$.organization.id");
    }

    @Test
    void parseWhenPermissionSetNameHasSpaceThenMalformedPermissionSetName() {
        String json = doc(ORGANIZATION, "[{\"name\": \"Read Only\", \"sessionDuration\": \"PT1H\"}]", "[]");

        assertOnly(problems(json), Code.MALFORMED_PERMISSION_SET_NAME, "$.permissionSets[0].name");
    }

    @Test
    void parseWhenPermissionSetNameLongerThan32ThenMalformedPermissionSetName() {
        String json = doc(ORGANIZATION, "[{\"name\": \"" + "A".repeat(33) + "\", \"sessionDuration\": \"PT1H\"}]", "[]");

        assertOnly(problems(json), Code.MALFORMED_PERMISSION_SET_NAME, "$.permissionSets[0].name");
    }

    @Test
    void parseWhenDurationNotIso8601ThenMalformedDuration() {
        String json = doc(ORGANIZATION, "[{\"name\": \"ReadOnlyAccess\", \"sessionDuration\": \"8 hours\"}]", "[]");

        assertOnly(problems(json), Code.MALFORMED_DURATION, "$.permissionSets[0].sessionDuration");
    }

    @Test
    void parseWhenDurationHasFractionalSecondsThenMalformedDuration() {
        String json = doc(ORGANIZATION, "[{\"name\": \"ReadOnlyAccess\", \"sessionDuration\": \"PT900.5S\"}]", "[]");

        assertOnly(problems(json), Code.MALFORMED_DURATION, "$.permissionSets[0].sessionDuration");
    }

}
