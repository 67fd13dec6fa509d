package dev.fedbroker.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/** Sends conformance requests through a fresh ScimEndpoint over an in-memory store. */
final class Replayer {
    static final URI BASE = URI.create("https://broker.example.com/scim/v2");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

    final InMemoryScimResourceStore store;
    final ScimEndpoint endpoint;
    private final Deque<String> ids = new ArrayDeque<>();

    Replayer() {
        this.store = InMemoryScimResourceStore.builder().clock(CLOCK)
                .ids(() -> ids.isEmpty() ? UUID.randomUUID().toString() : ids.poll()).build();
        this.endpoint = ScimEndpoint.builder().store(store).baseUrl(BASE).build();
    }

    /** The next resources created get these ids (to replay documentation samples that name ids). */
    void nextIds(List<String> values) {
        ids.addAll(values);
    }

    ScimResponse send(String method, String pathAndQuery, String body) {
        return endpoint.handle(ScimRequest.of(method, pathAndQuery, body));
    }

    ScimResponse send(String method, String pathAndQuery, JsonNode body) {
        return send(method, pathAndQuery, body == null || body.isNull() ? null
                : body.isTextual() ? body.textValue() : Conformance.text(body));
    }

    static JsonNode json(ScimResponse response) {
        try {
            return Conformance.JSON.readTree(response.body().orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
