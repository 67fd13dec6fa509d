package dev.fedbroker.core.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedbroker.core.Identity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads an example identity (what the saml module would produce from a SAML response) from a small JSON file. */
final class ExampleIdentity {

    private static final Set<String> FIELDS = Set.of("issuer", "nameId", "nameIdFormat", "tenantId", "objectId", "upn",
            "email", "displayName", "groups", "roles", "authnMethods", "groupsOverage");

    private ExampleIdentity() {
    }

    static Identity read(Path file) throws IOException {
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(file + ": unknown field \"" + name + "\"; expected one of " + FIELDS);
            }
        }
        Identity.Builder b = Identity.builder(json.path("nameId").asText())
                .nameIdFormat(text(json, "nameIdFormat")).issuer(text(json, "issuer"))
                .tenantId(text(json, "tenantId")).objectId(text(json, "objectId")).upn(text(json, "upn"))
                .email(text(json, "email")).displayName(text(json, "displayName"))
                .groups(list(json, "groups")).roles(list(json, "roles")).authnMethods(list(json, "authnMethods"))
                .groupsOverage(json.path("groupsOverage").asBoolean(false));
        return b.build();
    }

    private static String text(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    private static List<String> list(JsonNode json, String field) {
        List<String> values = new ArrayList<>();
        json.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }
}
