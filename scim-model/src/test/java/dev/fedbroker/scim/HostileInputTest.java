package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Bad input gets a SCIM Error with the right status and scimType, never a 500, and changes nothing. */
class HostileInputTest {
    private final Replayer replayer = new Replayer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON|{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":|400|invalidSyntax",
        "array body|[1,2]|400|invalidSyntax",
        "trailing garbage|{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\"} x|400|invalidSyntax",
        "duplicate key|{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"userName\":\"b\"}|400|invalidSyntax",
        "no schemas|{\"userName\":\"a\"}|400|invalidSyntax",
        "group schema on /Users|{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"userName\":\"a\"}|400|invalidSyntax",
        "unknown extension object|{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"urn:acme:ext:1.0:User\":{\"x\":1}}|400|invalidSyntax",
        "wrong type boolean|{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"active\":5}|400|invalidValue",
        "wrong type string|{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":7}|400|invalidValue",
        "two primaries|{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"emails\":[{\"value\":\"a\",\"primary\":true},{\"value\":\"b\",\"primary\":\"True\"}]}|400|invalidValue",
        "missing userName|{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"displayName\":\"a\"}|400|invalidValue",
        "empty body||400|invalidSyntax"
    })
    void createWhenBodyIsBadThenScimErrorAndNothingStored(String name, String body, int status, String scimType) {
        ScimResponse response = replayer.send("POST", "/Users", body);

        assertThat(response.status()).isEqualTo(status);
        assertThat(Replayer.json(response).get("scimType").asText()).isEqualTo(scimType);
        assertThat(replayer.store.query("User", ScimQuery.all(10)).totalResults()).isZero();
    }

    @Test
    void createWhenNestingTooDeepThenInvalidSyntax() {
        String deep = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"a\",\"x\":"
                + "[".repeat(100) + "]".repeat(100) + "}";

        ScimResponse response = replayer.send("POST", "/Users", deep);

        assertThat(response.status()).isEqualTo(400);
        assertThat(Replayer.json(response).get("scimType").asText()).isEqualTo("invalidSyntax");
    }

    @Test
    void createWhenBodyTooLargeThen413() {
        String big = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                + "a".repeat(1_100_000) + "\"}";

        assertThat(replayer.send("POST", "/Users", big).status()).isEqualTo(413);
    }

    @Test
    void createWhenStringTooLongThenInvalidSyntax() {
        String longName = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                + "a".repeat(200_000) + "\"}";

        assertThat(replayer.send("POST", "/Users", longName).status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/Users?filter=userName%20eq|invalidFilter",
        "/Users?filter=active%20gt%20true|invalidFilter",
        "/Users?filter=meta.created%20gt%20%22yesterday%22|invalidFilter",
        "/Users?filter=externalId%20eq%20705167|invalidFilter",
        "/Users?startIndex=abc|invalidValue",
        "/Users?sortOrder=sideways|invalidValue",
        "/Users?attributes=a%20b|invalidValue"
    })
    void listWhenParametersAreBadThen400WithScimType(String path, String scimType) {
        ScimResponse response = replayer.send("GET", path, (String) null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(Replayer.json(response).get("scimType").asText()).isEqualTo(scimType);
    }

    @Test
    void handleWhenBodiesAreMutatedAtRandomThenNever500() {
        List<String> seeds = List.of(ScimEndpointTest.user("fuzz@example.com"),
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\","
                        + "\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"x\"}]}",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[{\"method\":"
                        + "\"POST\",\"bulkId\":\"a\",\"path\":\"/Groups\",\"data\":{\"schemas\":[\"urn:ietf:params:"
                        + "scim:schemas:core:2.0:Group\"],\"displayName\":\"g\",\"members\":[{\"value\":\"bulkId:a\"}]}}]}");
        String id = Replayer.json(replayer.send("POST", "/Users", seeds.get(0))).get("id").asText();
        String[] targets = {"POST /Users", "PATCH /Users/" + id, "POST /Bulk", "PUT /Users/" + id, "POST /.search"};
        Random random = new Random(42);
        String alphabet = "{}[]\":,\\ntrue0-.eE$[]ab\u0000\u00e9";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder body = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(body.length());
                if (random.nextBoolean()) {
                    body.deleteCharAt(at);
                } else {
                    body.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String[] target = targets[random.nextInt(targets.length)].split(" ");
            ScimResponse response = replayer.send(target[0], target[1], body.toString());
            statuses.add(response.status());
            assertThat(response.status()).as(body.toString()).isLessThan(500);
        }
        assertThat(statuses).contains(400);
    }

    @Test
    void handleWhenStoreFailsUnexpectedlyThen500WithoutDetails() {
        ScimEndpoint endpoint = ScimEndpoint.builder().store(new FailingStore(new IllegalStateException(
                "db password=hunter2 at com.acme.Secret"))).baseUrl(Replayer.BASE).build();

        ScimResponse response = endpoint.handle(ScimRequest.of("GET", "/Users/x", null));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body().orElseThrow()).doesNotContain("hunter2").doesNotContain("com.acme")
                .contains("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    @Test
    void handleWhenStoreUnavailableThen503WithRetryAfter() {
        ScimEndpoint endpoint = ScimEndpoint.builder().store(new FailingStore(new ScimException(
                ScimErrorType.UNAVAILABLE, "The directory database is unreachable."))).baseUrl(Replayer.BASE).build();

        ScimResponse response = endpoint.handle(ScimRequest.of("GET", "/Users/x", null));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isPresent();
    }

    /** A store whose every call fails. */
    private record FailingStore(RuntimeException failure) implements ScimResourceStore {
        @Override
        public Optional<ScimResource> get(String resourceType, String id) {
            throw failure;
        }

        @Override
        public ScimResource create(String resourceType, Map<String, ?> attributes) {
            throw failure;
        }

        @Override
        public ScimResource replace(String resourceType, String id, Map<String, ?> attributes,
                                    OptionalLong expectedVersion) {
            throw failure;
        }

        @Override
        public void delete(String resourceType, String id, OptionalLong expectedVersion) {
            throw failure;
        }

        @Override
        public ScimPage query(String resourceType, ScimQuery query) {
            throw failure;
        }

        @Override
        public List<ScimMembership> memberships(String memberId) {
            throw failure;
        }
    }
}
