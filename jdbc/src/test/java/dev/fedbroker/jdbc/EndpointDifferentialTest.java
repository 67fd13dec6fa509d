package dev.fedbroker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.fedbroker.scim.InMemoryScimResourceStore;
import dev.fedbroker.scim.ScimEndpoint;
import dev.fedbroker.scim.ScimRequest;
import dev.fedbroker.scim.ScimResourceStore;
import dev.fedbroker.scim.ScimResponse;
import dev.fedbroker.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The same few hundred SCIM requests (a seeded mix of creates, PATCHes, PUTs, DELETEs, filtered, sorted and paged
 * queries) sent through ScimEndpoint to the in-memory store and to the JDBC store: every response must be the same,
 * status, headers and body. Only the order of a user's nested groups may differ, so user groups are compared sorted.
 */
class EndpointDifferentialTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI BASE = URI.create("https://broker.example.com/scim/v2");
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @Test
    void handleWhenSameRequestsOnH2ThenSameResponsesAsInMemory() throws IOException {
        try (HikariDataSource h2 = TestDatabases.h2Pool(TestDatabases.newH2Url(), 4, "differential")) {
            compareOn(h2);
        }
    }

    @Test
    void handleWhenSameRequestsOnPostgresThenSameResponsesAsInMemory() throws IOException {
        try (HikariDataSource postgres = TestDatabases.postgresPool(4, "differential")) {
            compareOn(postgres);
        }
    }

    private static void compareOn(HikariDataSource dataSource) throws IOException {
        TestDatabases.migrateAndClean(dataSource);
        MutableClock clock = MutableClock.at(ReplayCacheContract.START.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        AtomicInteger memoryIds = new AtomicInteger();
        AtomicInteger jdbcIds = new AtomicInteger();
        ScimResourceStore memory = InMemoryScimResourceStore.builder().clock(clock)
                .ids(() -> "id-" + memoryIds.incrementAndGet()).build();
        ScimResourceStore jdbc = JdbcScimResourceStore.builder(dataSource).clock(clock)
                .ids(() -> "id-" + jdbcIds.incrementAndGet()).build();
        ScimEndpoint expected = ScimEndpoint.builder().store(memory).baseUrl(BASE).build();
        ScimEndpoint actual = ScimEndpoint.builder().store(jdbc).baseUrl(BASE).build();

        Random random = new Random(20240501);
        java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        Ids ids = new Ids(new ArrayList<>(), new ArrayList<>());
        for (int step = 0; step < 400; step++) {
            ScimRequest request = next(random, step, ids);
            clock.advance(java.time.Duration.ofSeconds(1));
            ScimResponse want = expected.handle(request);
            ScimResponse got = actual.handle(request);
            String what = request.method() + " " + request.path() + " " + request.query() + " " + request.body();
            assertThat(got.status()).as(what).isEqualTo(want.status());
            assertThat(got.headers()).as(what).isEqualTo(want.headers());
            assertThat(normalized(got)).as(what).isEqualTo(normalized(want));
            statuses.merge(want.status(), 1, Integer::sum);
            if (want.status() == 201) {
                String id = JSON.readTree(want.body().orElseThrow()).path("id").asText();
                (request.path().equals("/Users") ? ids.users() : ids.groups()).add(id);
            }
        }
        assertThat(statuses.getOrDefault(200, 0) + statuses.getOrDefault(201, 0) + statuses.getOrDefault(204, 0))
                .as("successful requests compared, of %s", statuses).isGreaterThan(250);
    }

    /** The ids created so far (in both stores alike); deleted ones stay, to be asked for again (404 on both). */
    private record Ids(List<String> users, List<String> groups) {
        String user(Random random) {
            return users.isEmpty() ? "none" : users.get(random.nextInt(users.size()));
        }

        String group(Random random) {
            return groups.isEmpty() ? "none" : groups.get(random.nextInt(groups.size()));
        }
    }

    /** A random request among the shapes Azure AD sends, naming ids and names from small pools so they collide. */
    private static ScimRequest next(Random random, int step, Ids ids) {
        String user = ids.user(random);
        String name = "User" + random.nextInt(60) + "@Contoso.com";
        String groupName = "Group " + random.nextInt(15);
        int pick = step < 60 ? random.nextInt(2) : random.nextInt(14);
        return switch (pick) {
            case 0 -> ScimRequest.of("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                    + "\"userName\":\"" + (random.nextBoolean() ? name : name.toLowerCase()) + "\",\"active\":"
                    + random.nextBoolean() + ",\"externalId\":\"ext-" + random.nextInt(30) + "\",\"displayName\":\"D "
                    + random.nextInt(5) + "\",\"emails\":[{\"type\":\"work\",\"primary\":true,\"value\":\"" + name
                    + "\"}]}");
            case 1 -> ScimRequest.of("POST", "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                    + "\"displayName\":\"" + groupName + "\",\"externalId\":\"obj-" + random.nextInt(15)
                    + "\",\"members\":[{\"value\":\"" + user + "\"}]}");
            case 2, 3 -> patch("/Groups/" + ids.group(random), "{\"op\":\"add\",\"path\":\"members\",\"value\":"
                    + "[{\"value\":\"" + user + "\"},{\"value\":\"" + ids.group(random) + "\"}]}");
            case 4 -> patch("/Groups/" + ids.group(random), "{\"op\":\"remove\",\"path\":\"members[value eq \\\""
                    + user + "\\\"]\"}");
            case 5 -> patch("/Users/" + user, "{\"op\":\"replace\",\"path\":\"active\",\"value\":"
                    + random.nextBoolean() + "}");
            case 6 -> ScimRequest.of("PUT", "/Users/" + user, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:"
                    + "User\"],\"userName\":\"" + name + "\",\"active\":true}");
            case 7 -> ScimRequest.of("DELETE", random.nextInt(3) == 0 ? "/Groups/" + ids.group(random)
                    : "/Users/" + user, null);
            case 8 -> ScimRequest.of("GET", "/Users?filter=" + encode("userName eq \"" + name.toUpperCase() + "\""),
                    null);
            case 9 -> ScimRequest.of("GET", "/Users?filter=" + encode("active eq true and displayName sw \"D\"")
                    + "&sortBy=userName&sortOrder=" + (random.nextBoolean() ? "ascending" : "descending")
                    + "&startIndex=" + (1 + random.nextInt(4)) + "&count=" + random.nextInt(6), null);
            case 10 -> ScimRequest.of("GET", "/Groups?filter=" + encode("externalId eq \"obj-" + random.nextInt(15)
                    + "\" or displayName eq \"" + groupName + "\"") + "&excludedAttributes=members", null);
            case 11 -> ScimRequest.of("GET", "/Groups/" + ids.group(random), null);
            case 12 -> ScimRequest.of("GET", "/Users/" + user, null);
            default -> ScimRequest.of("GET", "/Users?startIndex=" + (1 + random.nextInt(10)) + "&count="
                    + random.nextInt(8), null);
        };
    }

    private static ScimRequest patch(String path, String operation) {
        return ScimRequest.of("PATCH", path, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operation + "]}");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The body as JSON, with every user's {@code groups} sorted by value. */
    private static JsonNode normalized(ScimResponse response) throws IOException {
        if (response.body().isEmpty()) {
            return JSON.nullNode();
        }
        JsonNode body = JSON.readTree(response.body().get());
        sortGroups(body);
        return body;
    }

    private static void sortGroups(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("groups") instanceof ArrayNode groups) {
                List<JsonNode> sorted = new ArrayList<>();
                groups.forEach(sorted::add);
                sorted.sort(Comparator.comparing(group -> group.path("value").asText()));
                groups.removeAll();
                groups.addAll(sorted);
            }
            object.elements().forEachRemaining(EndpointDifferentialTest::sortGroups);
        } else if (node instanceof ArrayNode array) {
            array.forEach(EndpointDifferentialTest::sortGroups);
        }
    }
}
