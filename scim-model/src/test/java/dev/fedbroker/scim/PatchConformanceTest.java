package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.internal.JsonCodec;
import dev.fedbroker.scim.internal.PatchEngine;
import dev.fedbroker.scim.internal.PatchRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every line of conformance/scim/patch.jsonl through the PATCH engine with the standard schemas: the result
 * must equal "after" (attribute names compared case-insensitively), or the PATCH must fail with the line's scimType
 * and status.
 */
class PatchConformanceTest {

    /**
     * Lines we do not follow, with the outcome we assert instead and why.
     * - unboundid-getTestPatch: a schema-less application (adds "members"/"emails2"/"nickname2" to a User, invents
     *   schema URNs, removes "meta"). Our engine is schema-aware: removing the readOnly "meta" is a mutability error,
     *   and the whole PATCH changes nothing. (Its unknown attributes would be invalidPath too.)
     */
    private static final Map<String, ScimErrorType> DIVERGENCES = Map.of(
            "unboundid-getTestPatch", ScimErrorType.MUTABILITY);

    private static final ScimSchemas SCHEMAS = ScimSchemas.standard();

    @TestFactory
    Stream<DynamicTest> replayWhenPatchCaseThenResultOrErrorAsExpected() {
        List<JsonNode> cases = Conformance.lines("patch.jsonl");
        assertThat(cases).hasSize(49);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> replay(c)));
    }

    private static void replay(JsonNode c) {
        String id = c.get("id").asText();
        ObjectNode before = parse(c.get("before"));
        boolean group = before.path("schemas").toString().contains(ScimSchemas.GROUP);
        ScimResourceType type = SCHEMAS.resourceType(group ? "Group" : "User").orElseThrow();
        ObjectNode snapshot = before.deepCopy();
        if (DIVERGENCES.containsKey(id) || c.has("error")) {
            ScimErrorType expected = DIVERGENCES.containsKey(id) ? DIVERGENCES.get(id)
                    : scimType(c.get("error").asText());
            assertThatExceptionOfType(ScimException.class)
                    .isThrownBy(() -> PatchEngine.apply(before, request(c), type))
                    .satisfies(e -> {
                        assertThat(e.type()).isEqualTo(expected);
                        if (c.has("http_status") && !DIVERGENCES.containsKey(id)) {
                            assertThat(e.status()).isEqualTo(c.get("http_status").asInt());
                        }
                    });
            assertThat(before).as("a failed PATCH leaves the resource untouched").isEqualTo(snapshot);
            return;
        }
        ObjectNode after = PatchEngine.apply(before, request(c), type);
        if (before.has("id")) {
            after.set("id", before.get("id"));
        }
        assertThat(JsonAssert.canonical(after)).as(id).isEqualTo(JsonAssert.canonical(c.get("after")));
        assertThat(before).as("the input is never modified").isEqualTo(snapshot);
    }

    private static PatchRequest request(JsonNode c) {
        return PatchRequest.parse(parse(c.get("patch")), 1000);
    }

    private static ObjectNode parse(JsonNode node) {
        return JsonCodec.DEFAULT.parseObject(Conformance.text(node));
    }

    private static ScimErrorType scimType(String wire) {
        for (ScimErrorType type : ScimErrorType.values()) {
            if (type.scimType().filter(wire::equals).isPresent()) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown scimType " + wire);
    }
}
