package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Genuine Azure AD responses (shared/conformance/saml-azure), byte-exact, accepted at their recorded time. */
class AzureConformanceTest {

    private static final String[] FOLDERS = {"mscherer-badgr-server-2021", "derricksmith-phpsaml-2023",
            "strivedi16-job-portal-2023"};

    record Case(JsonNode context, ServiceProvider sp, String base64) { }

    static Case load(String folder, Instant now) throws IOException {
        JsonNode ctx = new ObjectMapper().readTree(Resources.bytes("conformance/" + folder + "/context.json"));
        IdentityProvider idp = IdentityProvider.of(ctx.get("idpEntityId").asText(),
                List.of(Pem.certificate(Resources.text("conformance/" + folder + "/idp-cert.pem"))));
        ServiceProvider sp = ServiceProvider.builder()
                .entityId(ctx.get("spEntityId").asText())
                .assertionConsumerService(ctx.get("acsUrl").asText())
                .identityProvider(idp)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
        String b64 = Base64.getEncoder().encodeToString(Resources.bytes("conformance/" + folder + "/response.xml"));
        return new Case(ctx, sp, b64);
    }

    static Instant now(String folder) throws IOException {
        JsonNode ctx = new ObjectMapper().readTree(Resources.bytes("conformance/" + folder + "/context.json"));
        return Instant.parse(ctx.get("now").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mscherer-badgr-server-2021", "derricksmith-phpsaml-2023", "strivedi16-job-portal-2023"})
    void validateWhenGenuineAzureResponseThenAcceptsWithRecordedClaims(String folder) throws IOException {
        Case c = load(folder, now(folder));
        JsonNode expect = c.context().get("expect");
        JsonNode recorded = c.context().get("recorded");

        Identity who = c.sp().validate(c.base64(), c.context().get("inResponseTo").asText());

        assertThat(who.nameId()).isEqualTo(expect.get("nameId").asText());
        assertThat(who.nameIdFormat()).isEqualTo(expect.get("nameIdFormat").asText());
        assertThat(who.tenantId()).contains(expect.get("tenantId").asText());
        assertThat(who.objectId()).contains(expect.get("objectId").asText());
        assertThat(who.upn()).contains(expect.get("upn").asText());
        assertThat(who.email()).contains(expect.get("email").asText());
        assertThat(who.groups()).isEqualTo(strings(expect.get("groups")));
        assertThat(who.roles()).isEqualTo(strings(expect.get("roles")));
        assertThat(who.groupsOverage()).isFalse();
        assertThat(who.authnMethods()).isEqualTo(strings(expect.get("authnMethods")));
        assertThat(who.issuer()).contains(c.context().get("idpEntityId").asText());
        assertThat(who.assertionId()).contains(recorded.get("assertionId").asText());
        assertThat(who.sessionIndex()).contains(recorded.get("authnStatement").get("SessionIndex").asText());
        assertThat(who.validUntil()).contains(Instant.parse(recorded.get("notOnOrAfter").asText()));
        List<String> names = new ArrayList<>();
        recorded.get("attributes").fieldNames().forEachRemaining(names::add);
        assertThat(who.attributes().keySet()).containsExactlyElementsOf(names);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mscherer-badgr-server-2021", "derricksmith-phpsaml-2023", "strivedi16-job-portal-2023"})
    void validateXmlWhenGenuineAzureResponseThenAcceptsRawXml(String folder) throws IOException {
        Case c = load(folder, now(folder));
        Identity who = c.sp().validateXml(Resources.bytes("conformance/" + folder + "/response.xml"),
                Optional.of(c.context().get("inResponseTo").asText()));
        assertThat(who.nameId()).isEqualTo(c.context().get("expect").get("nameId").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mscherer-badgr-server-2021", "derricksmith-phpsaml-2023", "strivedi16-job-portal-2023"})
    void validateWhenGenuineResponseSentTwiceThenRejectsWithReplayed(String folder) throws IOException {
        Case c = load(folder, now(folder));
        String id = c.context().get("inResponseTo").asText();
        c.sp().validate(c.base64(), id);
        assertThatExceptionOfType(SamlValidationException.class).isThrownBy(() -> c.sp().validate(c.base64(), id))
                .extracting(SamlValidationException::reason).isEqualTo(Reason.REPLAYED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mscherer-badgr-server-2021", "derricksmith-phpsaml-2023", "strivedi16-job-portal-2023"})
    void validateWhenGenuineResponseIsLateThenRejectsWithExpiredOrIssueInstant(String folder) throws IOException {
        Case c = load(folder, now(folder).plus(Duration.ofHours(2)));
        assertThatExceptionOfType(SamlValidationException.class)
                .isThrownBy(() -> c.sp().validate(c.base64(), c.context().get("inResponseTo").asText()))
                .extracting(SamlValidationException::reason).isEqualTo(Reason.ISSUE_INSTANT_OUT_OF_WINDOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mscherer-badgr-server-2021", "derricksmith-phpsaml-2023", "strivedi16-job-portal-2023"})
    void validateWhenGenuineResponseCheckedAgainstAnotherTenantsCertificateThenRejectsWithUntrustedKey(String folder)
            throws IOException {
        Case c = load(folder, now(folder));
        String other = FOLDERS[(List.of(FOLDERS).indexOf(folder) + 1) % FOLDERS.length];
        ServiceProvider sp = ServiceProvider.builder().entityId(c.context().get("spEntityId").asText())
                .assertionConsumerService(c.context().get("acsUrl").asText())
                .identityProvider(IdentityProvider.of(c.context().get("idpEntityId").asText(),
                        List.of(Pem.certificate(Resources.text("conformance/" + other + "/idp-cert.pem")))))
                .clock(Clock.fixed(now(folder), ZoneOffset.UTC)).build();
        assertThatExceptionOfType(SamlValidationException.class)
                .isThrownBy(() -> sp.validate(c.base64(), c.context().get("inResponseTo").asText()))
                .extracting(SamlValidationException::reason).isEqualTo(Reason.UNTRUSTED_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mscherer-badgr-server-2021", "derricksmith-phpsaml-2023", "strivedi16-job-portal-2023"})
    void validateWhenGenuineNameIdEditedThenRejectsWithSignatureInvalid(String folder) throws IOException {
        Case c = load(folder, now(folder));
        String xml = Resources.text("conformance/" + folder + "/response.xml");
        String nameId = c.context().get("expect").get("nameId").asText();
        String tampered = xml.replace(">" + nameId + "</NameID>", ">admin" + nameId + "</NameID>");
        assertThat(tampered).isNotEqualTo(xml);
        assertThatExceptionOfType(SamlValidationException.class)
                .isThrownBy(() -> c.sp().validate(Base64.getEncoder().encodeToString(
                        tampered.getBytes(StandardCharsets.UTF_8)), c.context().get("inResponseTo").asText()))
                .extracting(SamlValidationException::reason).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
