package dev.fedbroker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.core.Identity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The identity as {@code validate} prints it, and back (for {@code resolve}). Field order is fixed; absent values are
 * {@code null}. Stateless.
 */
final class IdentityJson {

    static final List<String> FIELDS = List.of("nameId", "nameIdFormat", "tenantId", "objectId", "upn", "email",
            "displayName", "groups", "roles", "authnMethods", "groupsOverage", "assertionId", "sessionIndex", "issuer",
            "notOnOrAfter");

    private IdentityJson() {
    }

    static ObjectNode write(CliContext context, Identity id) {
        ObjectNode n = context.object();
        n.put("nameId", id.nameId());
        n.put("nameIdFormat", id.nameIdFormat());
        n.put("tenantId", id.tenantId().orElse(null));
        n.put("objectId", id.objectId().orElse(null));
        n.put("upn", id.upn().orElse(null));
        n.put("email", id.email().orElse(null));
        n.put("displayName", id.displayName().orElse(null));
        strings(n.putArray("groups"), id.groups());
        strings(n.putArray("roles"), id.roles());
        strings(n.putArray("authnMethods"), id.authnMethods());
        n.put("groupsOverage", id.groupsOverage());
        n.put("assertionId", id.assertionId().orElse(null));
        n.put("sessionIndex", id.sessionIndex().orElse(null));
        n.put("issuer", id.issuer().orElse(null));
        n.put("notOnOrAfter", id.validUntil().map(Instant::toString).orElse(null));
        return n;
    }

    /**
     * Reads an identity object, or a {@code validate} output line (its {@code identity} member). Unknown fields are
     * refused, so that a misspelt {@code grups} does not silently resolve to nothing.
     */
    static Identity read(JsonNode root, String source) {
        JsonNode n = root;
        if (root.isObject() && root.has("identity") && root.has("valid")) {
            n = root.get("identity");
            if (n == null || n.isNull()) {
                throw new UsageException(source + " is a validate result without identity (rejected: "
                        + root.path("reason").asText("?") + "); resolve needs a valid one");
            }
        }
        if (!n.isObject()) {
            throw new UsageException(source + ": expected a JSON object with the identity fields " + FIELDS);
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f) && !f.equals("givenName") && !f.equals("surname")) {
                throw new UsageException(source + ": unknown identity field '" + f + "'; expected some of " + FIELDS);
            }
        }
        String nameId = text(n, "nameId", source).orElseThrow(() -> new UsageException(source
                + ": the identity needs a non-empty \"nameId\""));
        Identity.Builder b = Identity.builder(nameId);
        text(n, "nameIdFormat", source).ifPresent(b::nameIdFormat);
        text(n, "tenantId", source).ifPresent(b::tenantId);
        text(n, "objectId", source).ifPresent(b::objectId);
        text(n, "upn", source).ifPresent(b::upn);
        text(n, "email", source).ifPresent(b::email);
        text(n, "displayName", source).ifPresent(b::displayName);
        text(n, "givenName", source).ifPresent(b::givenName);
        text(n, "surname", source).ifPresent(b::surname);
        b.groups(list(n, "groups", source)).roles(list(n, "roles", source))
                .authnMethods(list(n, "authnMethods", source));
        JsonNode overage = n.get("groupsOverage");
        if (overage != null && !overage.isNull()) {
            if (!overage.isBoolean()) {
                throw new UsageException(source + ": \"groupsOverage\" must be true or false");
            }
            b.groupsOverage(overage.booleanValue());
        }
        text(n, "assertionId", source).ifPresent(b::assertionId);
        text(n, "sessionIndex", source).ifPresent(b::sessionIndex);
        text(n, "issuer", source).ifPresent(b::issuer);
        text(n, "notOnOrAfter", source).ifPresent(t -> {
            try {
                b.validUntil(Instant.parse(t));
            } catch (DateTimeParseException e) {
                throw new UsageException(source + ": \"notOnOrAfter\" must be an ISO-8601 instant, found '" + t + "'");
            }
        });
        return b.build();
    }

    private static Optional<String> text(JsonNode n, String field, String source) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new UsageException(source + ": \"" + field + "\" must be a string");
        }
        return v.textValue().isEmpty() ? Optional.empty() : Optional.of(v.textValue());
    }

    private static List<String> list(JsonNode n, String field, String source) {
        JsonNode v = n.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new UsageException(source + ": \"" + field + "\" must be an array of strings");
        }
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new UsageException(source + ": \"" + field + "\" must be an array of strings");
            }
            out.add(e.textValue());
        }
        return out;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
