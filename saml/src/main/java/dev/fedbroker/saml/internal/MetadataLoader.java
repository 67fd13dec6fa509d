package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where IdP metadata bytes come from: fixed text, a file, or an http(s) URL fetched with {@link HttpClient} (connect
 * and request timeouts, no redirects followed, a size limit, status 200 only). Every failure is METADATA_UNAVAILABLE
 * with a message naming the source, never the content. Implementations are immutable and thread-safe.
 */
public interface MetadataLoader {

    /** The metadata bytes, or METADATA_UNAVAILABLE. */
    byte[] load();

    /** Where the metadata comes from, for logs and status (a URL without its query, or a file name). */
    String describe();

    static MetadataLoader of(String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return new MetadataLoader() {
            @Override public byte[] load() { return bytes.clone(); }
            @Override public String describe() { return "metadata text"; }
        };
    }

    static MetadataLoader of(Path file, int maxBytes) {
        return new MetadataLoader() {
            @Override
            public byte[] load() {
                try {
                    if (Files.size(file) > maxBytes) {
                        throw unavailable("The metadata file " + file + " exceeds " + maxBytes + " bytes.", null);
                    }
                    return Files.readAllBytes(file);
                } catch (IOException e) {
                    throw unavailable("The metadata file " + file + " cannot be read ("
                            + e.getClass().getSimpleName() + ").", e);
                }
            }

            @Override public String describe() { return "file " + file; }
        };
    }

    static MetadataLoader of(URI url, Optional<HttpClient> client, Duration connectTimeout, Duration requestTimeout,
                             int maxBytes) {
        String where = url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? ""
                : url.getRawPath());
        return new MetadataLoader() {
            @Override
            public byte[] load() {
                // A client per fetch unless the host gave one: no selector thread lingers between refreshes.
                HttpClient http = client.orElseGet(() -> HttpClient.newBuilder().connectTimeout(connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER).build());
                HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET()
                        .header("Accept", "application/samlmetadata+xml, application/xml, text/xml").build();
                try {
                    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream body = response.body()) {
                        if (response.statusCode() != 200) {
                            throw unavailable("Fetching IdP metadata from " + where + " answered HTTP "
                                    + response.statusCode() + "; expected 200 (redirects are not followed).", null);
                        }
                        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                        if (declared > maxBytes) {
                            throw unavailable("The IdP metadata at " + where + " declares " + declared
                                    + " bytes; at most " + maxBytes + " are read.", null);
                        }
                        byte[] bytes = body.readNBytes(maxBytes + 1);
                        if (bytes.length > maxBytes) {
                            throw unavailable("The IdP metadata at " + where + " exceeds " + maxBytes + " bytes.",
                                    null);
                        }
                        return bytes;
                    }
                } catch (IOException e) {
                    throw unavailable("Fetching IdP metadata from " + where + " failed ("
                            + e.getClass().getSimpleName() + ").", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw unavailable("Fetching IdP metadata from " + where + " was interrupted.", e);
                }
            }

            @Override public String describe() { return where; }
        };
    }

    private static SamlValidationException unavailable(String message, Exception cause) {
        return cause == null ? new SamlValidationException(Reason.METADATA_UNAVAILABLE, message)
                : new SamlValidationException(Reason.METADATA_UNAVAILABLE, message, cause);
    }
}
