package dev.fedbroker.bench;

import dev.fedbroker.core.Identity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Checks that two sides read the same {@link Identity} from one response. Stateless. */
final class IdentityComparison {

    private IdentityComparison() {
    }

    /**
     * Throws {@link IllegalStateException} naming every field that differs. {@code validUntil} is left out: java-saml
     * exposes only SubjectConfirmationData's NotOnOrAfter, not the Conditions' one that fedbroker reports.
     */
    static void requireSame(Identity ours, Identity theirs) {
        List<String> differences = new ArrayList<>();
        compare("nameId", Identity::nameId, ours, theirs, differences);
        compare("nameIdFormat", Identity::nameIdFormat, ours, theirs, differences);
        compare("issuer", Identity::issuer, ours, theirs, differences);
        compare("tenantId", Identity::tenantId, ours, theirs, differences);
        compare("objectId", Identity::objectId, ours, theirs, differences);
        compare("upn", Identity::upn, ours, theirs, differences);
        compare("email", Identity::email, ours, theirs, differences);
        compare("displayName", Identity::displayName, ours, theirs, differences);
        compare("givenName", Identity::givenName, ours, theirs, differences);
        compare("surname", Identity::surname, ours, theirs, differences);
        compare("groups", Identity::groups, ours, theirs, differences);
        compare("roles", Identity::roles, ours, theirs, differences);
        compare("authnMethods", Identity::authnMethods, ours, theirs, differences);
        compare("groupsOverage", Identity::groupsOverage, ours, theirs, differences);
        compare("sessionIndex", Identity::sessionIndex, ours, theirs, differences);
        compare("assertionId", Identity::assertionId, ours, theirs, differences);
        compare("attributes", Identity::attributes, ours, theirs, differences);
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the two sides read different identities: " + differences);
        }
    }

    private static void compare(String name, Function<Identity, Object> field, Identity a, Identity b,
            List<String> differences) {
        Object x = field.apply(a);
        Object y = field.apply(b);
        if (!Objects.equals(x, y)) {
            differences.add(name + ": fedbroker " + x + " vs peer " + y);
        }
    }
}
