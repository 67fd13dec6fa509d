package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A search at the root ({@code POST /.search}) spans Users and Groups. It used to ask each type's store for
 * startIndex - 1 + count resources from the first one and render them all before cutting the page, so
 * {@code startIndex=2000000000} loaded and rendered the whole directory in one request.
 */
class RootSearchPagingTest {
    private final CountingStore store = new CountingStore(InMemoryScimResourceStore.builder()
            .clock(Replayer.CLOCK).build());
    private final ScimEndpoint endpoint = ScimEndpoint.builder().store(store).baseUrl(Replayer.BASE).build();

    @Test
    void searchAtRootWhenStartIndexIsHugeThenTheStoreIsAskedForAtMostCount() {
        populate(5, 4);

        JsonNode page = search(2_000_000_000, 3);

        assertThat(page.get("totalResults").asInt()).isEqualTo(9);
        assertThat(page.get("Resources")).isEmpty();
        assertThat(store.largestCount).isLessThanOrEqualTo(3);
    }

    @Test
    void searchAtRootWhenPagingAcrossTypesThenEveryResourceOnceInOrder() {
        populate(5, 4);
        List<String> seen = new ArrayList<>();

        for (int start = 1; start <= 9; start += 2) {
            JsonNode page = search(start, 2);
            assertThat(page.get("totalResults").asInt()).isEqualTo(9);
            assertThat(page.get("startIndex").asInt()).isEqualTo(start);
            page.get("Resources").forEach(r -> seen.add(r.has("userName") ? r.get("userName").asText()
                    : r.get("displayName").asText()));
        }

        assertThat(seen).containsExactly("u0", "u1", "u2", "u3", "u4", "g0", "g1", "g2", "g3");
        assertThat(store.largestCount).isLessThanOrEqualTo(2);
    }

    private void populate(int users, int groups) {
        for (int i = 0; i < users; i++) {
            send("POST", "/Users", "{\"schemas\":[\"" + ScimSchemas.USER + "\"],\"userName\":\"u" + i + "\"}");
        }
        for (int i = 0; i < groups; i++) {
            send("POST", "/Groups", "{\"schemas\":[\"" + ScimSchemas.GROUP + "\"],\"displayName\":\"g" + i + "\"}");
        }
        store.largestCount = 0;
    }

    private JsonNode search(int startIndex, int count) {
        return Replayer.json(send("POST", "/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                + "SearchRequest\"],\"startIndex\":" + startIndex + ",\"count\":" + count + "}"));
    }

    private ScimResponse send(String method, String path, String body) {
        return endpoint.handle(ScimRequest.of(method, path, body));
    }

    /** Records the largest page any query asked the store for. */
    private static final class CountingStore implements ScimResourceStore {
        private final ScimResourceStore delegate;
        int largestCount;

        CountingStore(ScimResourceStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<ScimResource> get(String resourceType, String id) {
            return delegate.get(resourceType, id);
        }

        @Override
        public ScimResource create(String resourceType, Map<String, ?> attributes) {
            return delegate.create(resourceType, attributes);
        }

        @Override
        public ScimResource replace(String resourceType, String id, Map<String, ?> attributes,
                OptionalLong expectedVersion) {
            return delegate.replace(resourceType, id, attributes, expectedVersion);
        }

        @Override
        public void delete(String resourceType, String id, OptionalLong expectedVersion) {
            delegate.delete(resourceType, id, expectedVersion);
        }

        @Override
        public ScimPage query(String resourceType, ScimQuery query) {
            largestCount = Math.max(largestCount, query.count());
            return delegate.query(resourceType, query);
        }

        @Override
        public List<ScimMembership> memberships(String memberId) {
            return delegate.memberships(memberId);
        }
    }
}
