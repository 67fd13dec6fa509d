package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.Directory;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's quick start, compiled and run. */
class ReadmeQuickStartTest {

    @Test
    void quickStartWhenFollowedThenServesAzureTestConnection() {
        ScimResourceStore store = InMemoryScimResourceStore.builder().build();
        ScimEndpoint scim = ScimEndpoint.builder()
                .store(store)
                .baseUrl(URI.create("https://broker.example.com/scim/v2"))
                .build();
        String method = "GET";
        String pathAfterBase = "/Users";
        Map<String, List<String>> decodedQuery = Map.of("filter", List.of("userName eq \"6e7e6a1c@contoso.com\""));
        Map<String, List<String>> headers = Map.of("Authorization", List.of("Bearer checked-by-the-host"));
        String body = null;

        ScimResponse response = scim.handle(new ScimRequest(method, pathAfterBase, decodedQuery, headers,
                Optional.ofNullable(body)));
        Directory directory = ScimDirectory.builder().store(store).build();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().orElseThrow()).contains("\"totalResults\":0").contains("\"Resources\":[]");
        assertThat(directory.userByUserName("6e7e6a1c@contoso.com")).isEmpty();
    }
}
