package dev.fedbroker.sample;

import java.net.URI;
import java.util.Objects;

/**
 * The absolute addresses this app publishes to Azure AD and AWS. They come from configuration, never from the
 * request's Host header: SAML compares them exactly (Destination, Recipient, Audience), and a Host header is
 * attacker-controlled. Immutable.
 *
 * @param base           the public base URL, without trailing slash
 * @param spEntityId     this SP's entity id (the Azure app's Identifier)
 * @param acs            the assertion consumer service (the Azure app's Reply URL)
 * @param awsIdpEntityId the broker's IdP entity id toward AWS
 */
public record AppUrls(URI base, String spEntityId, String acs, String awsIdpEntityId) {

    public AppUrls {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(spEntityId, "spEntityId");
        Objects.requireNonNull(acs, "acs");
        Objects.requireNonNull(awsIdpEntityId, "awsIdpEntityId");
        String scheme = base.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || base.getHost() == null || base.getRawPath() != null
                && !base.getRawPath().isEmpty() && !base.getRawPath().equals("/") || base.getRawQuery() != null) {
            throw new IllegalStateException("FEDBROKER_BASE_URL must be scheme://host[:port] without path, e.g."
                    + " https://broker.example.com; found '" + base + "'");
        }
    }

    /** From the settings; dev mode without a base URL uses {@code http://localhost:<port>}. */
    public static AppUrls from(SampleSettings settings, int port) {
        URI base = settings.publicBaseUrl().orElseGet(() -> {
            if (settings.runMode() == SampleSettings.Mode.AZURE) {
                throw new IllegalStateException("Azure mode needs FEDBROKER_BASE_URL, the public https URL of this"
                        + " app (the Reply URL is <base>/saml/acs).");
            }
            if (port <= 0) {
                throw new IllegalStateException("With a random port (server.port=0) set FEDBROKER_BASE_URL too: the"
                        + " SAML addresses must be known before the server starts.");
            }
            return URI.create("http://localhost:" + port);
        });
        String b = base.toString();
        return new AppUrls(base,
                SampleSettings.text(settings.sp().entityId()).orElse(b + "/saml"),
                SampleSettings.text(settings.sp().acsUrl()).orElse(b + "/saml/acs"),
                SampleSettings.text(settings.aws().entityId()).orElse(b + "/saml/idp"));
    }

    /** {@code base + path}. */
    public String at(String path) {
        return base + path;
    }

    /** Whether cookies must be Secure: the app is served over https. */
    public boolean https() {
        return "https".equals(base.getScheme());
    }
}
