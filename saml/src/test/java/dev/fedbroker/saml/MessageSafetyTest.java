package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fedbroker.testing.AzureClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rejection messages quote a few attacker-chosen values (Destination, Issuer, InResponseTo, StatusMessage) so that an
 * administrator can fix a misconfiguration. Hosts log those messages: no quoted value may forge a log line (line
 * breaks of any kind) or disguise itself (bidirectional overrides, invisible format characters).
 */
class MessageSafetyTest {

    private static final String[] FORGERS = {"\n", "\r", "\u0085", "\u2028", "\u2029", "\u202E", "\u2066", "\u200B",
            "\uFEFF", "\u001B"};

    private final Fixture f = new Fixture();
    private final ServiceProvider sp = f.sp();

    /** The exception message and every problem message, joined. */
    private String messageOf(String xml) {
        SamlValidationException e = catchThrowableOfType(SamlValidationException.class,
                () -> sp.validate(Fixture.b64(xml), Fixture.REQUEST_ID));
        assertThat(e).isNotNull();
        StringBuilder all = new StringBuilder(e.getMessage());
        e.problems().forEach(p -> all.append(" | ").append(p.message()));
        return all.toString();
    }

    private static void assertNoForger(String message) {
        for (String forger : FORGERS) {
            assertThat(message).as("U+%04X in %s", (int) forger.charAt(0), message).doesNotContain(forger);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"&#10;2024-01-01 ERROR fake", "&#13;", "\u0085", "\u2028", "\u2029", "\u202E", "\u2066",
            "\u200B", "\uFEFF"})
    void validateWhenQuotedValuesCarryLineBreaksOrFormatCharactersThenMessagesDoNotRepeatThem(String forger) {
        String destination = Fixture.ACS + forger + "x";
        assertNoForger(messageOf(f.response().xml().replace("Destination=\"" + Fixture.ACS + "\"",
                "Destination=\"" + destination + "\"")));
        assertNoForger(messageOf(f.response().xml().replace("InResponseTo=\"" + Fixture.REQUEST_ID + "\"",
                "InResponseTo=\"_other" + forger + "\"")));
        assertNoForger(messageOf(f.response().withoutAssertion().status(AzureClaims.STATUS_REQUESTER)
                .statusMessage("AADSTS00000 placeholder").xml().replace("placeholder", forger)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"&#10;", "\u2028", "\u202E"})
    void validateWhenNamespaceOrAlgorithmUrisCarryLineBreaksOrOverridesThenMessagesDoNotRepeatThem(String forger) {
        String xml = f.response().xml();
        assertNoForger(messageOf(xml.replaceFirst("xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"",
                "xmlns:samlp=\"urn:evil" + forger + "\"")));
        assertNoForger(messageOf(xml.replaceFirst("(<Assertion [^>]*)xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\"",
                "$1xmlns=\"urn:evil" + forger + "\"")));
        assertNoForger(messageOf(xml.replace("xmldsig-more#rsa-sha256", "xmldsig-more#rsa-sha256" + forger)));
        assertNoForger(messageOf(xml.replace("xmlenc#sha256", "xmlenc#sha256" + forger)));
        assertNoForger(messageOf(xml.replace("\"http://www.w3.org/2001/10/xml-exc-c14n#\"",
                "\"http://www.w3.org/2001/10/xml-exc-c14n#" + forger + "\"")));
        assertNoForger(messageOf(new TestEncryptor(Fixture.spEncryption().certificate())
                .contentAlgorithmUri("urn:evil" + forger).inResponse(xml, TestEncryptor.assertionOf(xml))));
        assertNoForger(messageOf(new TestEncryptor(Fixture.spEncryption().certificate())
                .keyTransportUri("urn:evil" + forger).inResponse(xml, TestEncryptor.assertionOf(xml))));
    }

    @Test
    void validateWhenIssuerCarriesABidiOverrideThenTheMessageShowsAPlaceholderInstead() {
        String message = messageOf(f.response().responseIssuer("https://sts.windows.net/\u202Eevil/").xml());
        assertThat(message).doesNotContain("\u202E").contains("https://sts.windows.net/?evil/");
    }
}
