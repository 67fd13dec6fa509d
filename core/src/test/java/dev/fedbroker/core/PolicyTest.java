package dev.fedbroker.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.fedbroker.core.PolicyProblem.Code;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A policy built in code is checked like one loaded from JSON, with the same paths. */
class PolicyTest {

    private static final PermissionSet READ = PermissionSet.of("ReadOnlyAccess", Duration.ofHours(8));

    private static Organization org(List<OrganizationalUnit> units) {
        return new Organization("r-root", "Root", List.of(new Account("111111111111", "management")), units);
    }

    private static OrganizationalUnit unit(String id, List<Account> accounts, List<OrganizationalUnit> units) {
        return new OrganizationalUnit(id, id, accounts, units);
    }

    @Test
    void ofWhenAccountRepeatedInANestedUnitThenDuplicateAccountAtItsPath() {
        Organization org = org(List.of(unit("ou-a", List.of(), List.of(
                unit("ou-b", List.of(new Account("111111111111", "again")), List.of())))));

        PolicyException e = catchThrowableOfType(PolicyException.class,
                () -> Policy.of(org, List.of(READ), List.of(), false));

        assertThat(e.problems()).extracting(PolicyProblem::code, PolicyProblem::path)
                .containsExactly(tuple(Code.DUPLICATE_ACCOUNT, "$.organization.units[0].units[0].accounts[0].id"));
    }

    @Test
    void ofWhenUnitReusesAnAncestorIdThenCycle() {
        Organization org = org(List.of(unit("ou-a", List.of(), List.of(unit("ou-a", List.of(), List.of())))));

        PolicyException e = catchThrowableOfType(PolicyException.class,
                () -> Policy.of(org, List.of(READ), List.of(), false));

        assertThat(e.reason()).isEqualTo(Code.CYCLE);
        assertThat(e.problems().get(0).path()).isEqualTo("$.organization.units[0].units[0].id");
    }

    @Test
    void ofWhenReferencesAreWrongThenReportsEachWithItsPath() {
        List<Assignment> assignments = List.of(
                new Assignment(Principal.group("g"), "r-root", "ReadOnlyAccess"),
                new Assignment(Principal.group("g"), "r-root", "Missing"),
                new Assignment(Principal.user("u"), "ou-nowhere", "ReadOnlyAccess"));

        PolicyException e = catchThrowableOfType(PolicyException.class,
                () -> Policy.of(org(List.of()), List.of(READ, READ), assignments, false));

        assertThat(e.problems()).extracting(PolicyProblem::code, PolicyProblem::path).containsExactly(
                tuple(Code.DUPLICATE_PERMISSION_SET, "$.permissionSets[1].name"),
                tuple(Code.UNKNOWN_PERMISSION_SET, "$.assignments[1].permissionSet"),
                tuple(Code.UNKNOWN_TARGET, "$.assignments[2].target"));
    }

    @Test
    void ofWhenTreeIsFarDeeperThanAwsAllowsThenStillChecksAndResolves() {
        OrganizationalUnit deep = unit("ou-leaf", List.of(new Account("222222222222", "leaf")), List.of());
        for (int i = 0; i < 1_000; i++) {
            deep = unit("ou-" + i, List.of(), List.of(deep));
        }

        Policy policy = Policy.of(org(List.of(deep)), List.of(READ),
                List.of(new Assignment(Principal.group("g"), "ou-0", "ReadOnlyAccess")), false);

        assertThat(EntitlementResolver.of(policy).resolve(Identity.builder("x").groups(List.of("g")).build()))
                .extracting(Entitlement::accountId).containsExactly("222222222222");
    }

    @Test
    void accountWhenIdNotTwelveDigitsThenMalformedAccountId() {
        assertThatThrownBy(() -> new Account("1234", "x")).isInstanceOfSatisfying(PolicyException.class,
                e -> assertThat(e.reason()).isEqualTo(Code.MALFORMED_ACCOUNT_ID));
    }

    @Test
    void permissionSetWhenDurationOutOfRangeThenDurationOutOfRange() {
        assertThatThrownBy(() -> PermissionSet.of("ReadOnlyAccess", Duration.ofHours(13)))
                .isInstanceOfSatisfying(PolicyException.class,
                        e -> assertThat(e.reason()).isEqualTo(Code.DURATION_OUT_OF_RANGE));
    }

    @Test
    void permissionSetWhenNameMalformedThenMalformedPermissionSetName() {
        assertThatThrownBy(() -> new PermissionSet("Read/Only", Duration.ofHours(1), false, Optional.empty()))
                .isInstanceOfSatisfying(PolicyException.class,
                        e -> assertThat(e.reason()).isEqualTo(Code.MALFORMED_PERMISSION_SET_NAME));
    }

    @Test
    void principalWhenBlankThenInvalidValue() {
        assertThatThrownBy(() -> Principal.group("  ")).isInstanceOfSatisfying(PolicyException.class,
                e -> assertThat(e.reason()).isEqualTo(Code.INVALID_VALUE));
    }

    @Test
    void ofThenKeepsItsOwnCopyOfTheLists() {
        List<PermissionSet> sets = new ArrayList<>(List.of(READ));
        Policy policy = Policy.of(org(List.of()), sets, List.of(), false);
        sets.clear();

        assertThat(policy.permissionSets()).containsExactly(READ);
    }
}
