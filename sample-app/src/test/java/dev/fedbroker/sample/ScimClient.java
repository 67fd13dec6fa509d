package dev.fedbroker.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Azure AD's provisioning client, as far as the tests need it: bearer token, SCIM JSON, the requests Azure sends. */
final class ScimClient {

    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private final URI base;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newHttpClient();

    ScimClient(URI appBase, Optional<String> token) {
        this.base = URI.create(appBase + "/scim/v2");
        this.token = token;
    }

    HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/scim+json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/scim+json");
        }
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST /Users as Azure sends it; returns the new SCIM id. */
    String createUser(String userName, String givenName, String familyName) {
        HttpResponse<String> r = send("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"%s","userName":"%s","active":true,"displayName":"%s %s",
                 "emails":[{"primary":true,"type":"work","value":"%s"}],
                 "name":{"formatted":"%s %s","familyName":"%s","givenName":"%s"}}
                """.formatted(userName.split("@")[0], userName, givenName, familyName, userName, givenName,
                familyName, familyName, givenName));
        expect(r, 201);
        return firstId(r.body());
    }

    /** GET /Users or /Groups with {@code attribute eq "value"}; the first id. */
    String idOf(String endpoint, String attribute, String value) {
        HttpResponse<String> r = send("GET", endpoint + "?filter=" + URLEncoder.encode(attribute + " eq \"" + value
                + "\"", StandardCharsets.UTF_8) + "&excludedAttributes=members", null);
        expect(r, 200);
        return firstId(r.body());
    }

    /** PATCH a group's members as Azure does: {@code op} "Add" or "Remove", path "members". */
    void members(String groupId, String op, String userId) {
        HttpResponse<String> r = send("PATCH", "/Groups/" + groupId, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"%s","path":"members","value":[{"$ref":null,"value":"%s"}]}]}
                """.formatted(op, userId));
        expect(r, 204);
    }

    private static String firstId(String json) {
        Matcher m = FIRST_ID.matcher(json);
        if (!m.find()) {
            throw new AssertionError("no id in " + json);
        }
        return m.group(1);
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new AssertionError("SCIM answered " + r.statusCode() + " (expected " + status + "): " + r.body());
        }
    }
}
