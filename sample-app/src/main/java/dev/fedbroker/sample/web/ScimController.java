package dev.fedbroker.sample.web;

import dev.fedbroker.sample.security.ScimBearerToken;
import dev.fedbroker.scim.ScimEndpoint;
import dev.fedbroker.scim.ScimRequest;
import dev.fedbroker.scim.ScimResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /scim/v2/...}: Azure AD's provisioning requests, answered by the library's transport-neutral
 * {@link ScimEndpoint}. This class only authenticates (the bearer token) and translates HTTP; no session, no cookie,
 * no CSRF token (a bearer token cannot be sent by another site's form). Thread-safe.
 */
@RestController
public class ScimController {

    private static final String BASE = "/scim/v2";
    private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private final ScimEndpoint scim;
    private final ScimBearerToken token;

    public ScimController(ScimEndpoint scim, ScimBearerToken token) {
        this.scim = scim;
        this.token = token;
    }

    @RequestMapping({BASE, BASE + "/**"})
    public ResponseEntity<String> handle(HttpServletRequest request) throws IOException {
        if (!token.matches(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            return error(HttpStatus.UNAUTHORIZED, "A valid bearer token is required (the Secret Token of the"
                    + " enterprise app's provisioning settings).", true);
        }
        Optional<String> body = body(request);
        if (body == null) {
            return error(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + MAX_BODY_BYTES
                    + " bytes.", false);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length() + BASE.length());
        ScimRequest scimRequest = new ScimRequest(request.getMethod(), URLDecoder.decode(
                path.replace("+", "%2B"), StandardCharsets.UTF_8), query(request.getQueryString()), headers(request),
                body);
        ScimResponse answer = scim.handle(scimRequest);
        ResponseEntity.BodyBuilder out = ResponseEntity.status(answer.status());
        answer.headers().forEach(out::header);
        return answer.body().map(out::body).orElseGet(() -> out.build());
    }

    /** The body as UTF-8 text, empty when there is none, null when it is too large. */
    private static Optional<String> body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                return null;
            }
            return bytes.length == 0 ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return query;
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION) && !name.equalsIgnoreCase(HttpHeaders.COOKIE)) {
                headers.put(name, Collections.list(request.getHeaders(name)));
            }
        }
        return headers;
    }

    private static ResponseEntity<String> error(HttpStatus status, String detail, boolean challenge) {
        ResponseEntity.BodyBuilder out = ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_TYPE, ScimResponse.CONTENT_TYPE);
        if (challenge) {
            out.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"fedbroker-scim\"");
        }
        return out.body("{\"schemas\":[\"" + ERROR_SCHEMA + "\"],\"status\":\"" + status.value() + "\",\"detail\":\""
                + detail + "\"}");
    }
}
