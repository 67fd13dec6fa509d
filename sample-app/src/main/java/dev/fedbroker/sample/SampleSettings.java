package dev.fedbroker.sample;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of the sample app, bound from {@code fedbroker.*} properties; application.properties maps each one to
 * an environment variable ({@code FEDBROKER_MODE}, {@code FEDBROKER_SP_ENTITY_ID}, ...). Blank means "not set".
 * Immutable.
 *
 * @param mode      {@code dev} (default: embedded IdP, seeded policy and directory) or {@code azure}
 * @param baseUrl   the public URL of this app, e.g. {@code https://broker.example.com}; dev mode defaults to
 *                  {@code http://localhost:<port>}
 * @param policyFile the policy JSON (required in azure mode; dev mode uses the seeded {@code dev/policy.json})
 * @param scimToken the bearer token Azure's provisioning sends (required in azure mode; generated in dev mode)
 * @param sp        this service provider's SAML settings
 * @param idp       where Azure's federation metadata comes from (azure mode)
 * @param aws       the broker's identity-provider key toward AWS ("Open console")
 * @param jdbc      a database shared by several instances for the replay cache and the SCIM store
 */
@ConfigurationProperties(prefix = "fedbroker")
public record SampleSettings(String mode, String baseUrl, String policyFile, String scimToken, Sp sp, Idp idp,
        Aws aws, Jdbc jdbc) {

    /** The two ways to run. */
    public enum Mode { DEV, AZURE }

    public SampleSettings {
        sp = sp != null ? sp : new Sp(null, null, null, null, null, null, false);
        idp = idp != null ? idp : new Idp(null, null);
        aws = aws != null ? aws : new Aws(null, null, null);
        jdbc = jdbc != null ? jdbc : new Jdbc(null, null, null);
        modeOf(mode);   // refuse a misspelt mode at start, before anything is built
    }

    /** The mode; anything but {@code dev} or {@code azure} is refused. */
    public Mode runMode() {
        return modeOf(mode);
    }

    private static Mode modeOf(String mode) {
        String m = text(mode).orElse("dev").toLowerCase(Locale.ROOT);
        return switch (m) {
            case "dev" -> Mode.DEV;
            case "azure" -> Mode.AZURE;
            default -> throw new IllegalStateException("FEDBROKER_MODE must be 'dev' or 'azure', found '" + mode + "'");
        };
    }

    public Optional<URI> publicBaseUrl() {
        return text(baseUrl).map(u -> URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u));
    }

    public Optional<Path> policyPath() {
        return text(policyFile).map(Path::of);
    }

    public Optional<String> configuredScimToken() {
        return text(scimToken);
    }

    /**
     * SAML service provider settings.
     *
     * @param entityId              the Identifier (Entity ID) of the Azure enterprise app (default {@code <base>/saml})
     * @param acsUrl                the Reply URL (default {@code <base>/saml/acs})
     * @param signingKey            PEM path of the key that signs AuthnRequests and logout messages (optional)
     * @param signingCertificate    PEM path of its certificate (upload it to Azure as verification certificate)
     * @param decryptionKey         PEM path of the key for encrypted assertions (optional)
     * @param decryptionCertificate PEM path of its certificate (upload it to Azure for token encryption)
     * @param allowIdpInitiated     accept unsolicited responses (My Apps tiles); default false
     */
    public record Sp(String entityId, String acsUrl, String signingKey, String signingCertificate,
            String decryptionKey, String decryptionCertificate, boolean allowIdpInitiated) {
    }

    /**
     * Azure AD's App Federation Metadata: a file or a URL (one of them, in azure mode).
     *
     * @param metadataFile a downloaded federation metadata XML file
     * @param metadataUrl  the App Federation Metadata Url of the enterprise app (refreshed every 12 hours)
     */
    public record Idp(String metadataFile, String metadataUrl) {
    }

    /**
     * The broker as SAML identity provider toward AWS.
     *
     * @param entityId           the broker's IdP entity id (default {@code <base>/saml/idp})
     * @param signingKey         PEM path of the key that signs sign-in responses (azure mode; without it the portal
     *                           has no "Open console" button)
     * @param signingCertificate PEM path of its certificate (in every account's IAM SAML provider)
     */
    public record Aws(String entityId, String signingKey, String signingCertificate) {
    }

    /**
     * A JDBC database shared by several instances.
     *
     * @param url      e.g. {@code jdbc:postgresql://db:5432/fedbroker}
     * @param user     the user
     * @param password the password
     */
    public record Jdbc(String url, String user, String password) {
        @Override
        public String toString() {
            return "Jdbc[url=" + url + ", user=" + user + ", password=" + (password == null ? "" : "***") + "]";
        }
    }

    @Override
    public String toString() {
        return "SampleSettings[mode=" + mode + ", baseUrl=" + baseUrl + ", policyFile=" + policyFile
                + ", scimToken=" + (text(scimToken).isPresent() ? "***" : "") + ", sp=" + sp + ", idp=" + idp
                + ", aws=" + aws + ", jdbc=" + jdbc + "]";
    }

    /** The value, when it is not null or blank. */
    public static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
