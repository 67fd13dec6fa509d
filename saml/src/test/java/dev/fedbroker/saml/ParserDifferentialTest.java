package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.testing.ResponseBuilder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parser and canonicalization differentials: what the bytes say versus what the signature covered. Rewrites that
 * exclusive C14N cannot see (CDATA, character references, comments, quoting, unused namespace declarations) must leave
 * the identity exactly as signed; rewrites it can see must break the signature; encodings and XML versions outside
 * UTF-8/UTF-16 and XML 1.0 are refused outright.
 */
class ParserDifferentialTest {

    private static final String NAME_ID = ">alice@contoso.example</NameID>";

    private final Fixture f = new Fixture();
    private final ServiceProvider sp = f.sp();

    private Identity accept(byte[] xml) {
        return sp.validate(Base64.getEncoder().encodeToString(xml), Fixture.REQUEST_ID);
    }

    private Reason reject(byte[] xml) {
        return Fixture.reasonOf(() -> accept(xml));
    }

    @Test
    void validateWhenSignedResponseReencodedAsUtf16WithBomThenAcceptsTheSameIdentity() {
        ResponseBuilder r = f.response().displayName("Zoë Ünïcødé \uD83D\uDE00");
        Identity who = accept(("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + r.xml()).getBytes(StandardCharsets.UTF_16));
        assertThat(who.displayName()).contains("Zoë Ünïcødé \uD83D\uDE00");
        assertThat(who.objectId()).contains(r.objectId());
    }

    @Test
    void validateWhenSignedResponseCarriesUtf8BomOrUtf16LeDeclarationThenAccepts() {
        String xml = f.response().xml();
        assertThat(accept(("\uFEFF" + xml).getBytes(StandardCharsets.UTF_8)).nameId()).isEqualTo("alice@contoso.example");
        String le = "<?xml version=\"1.0\" encoding=\"UTF-16LE\"?>" + f.response().xml();
        assertThat(accept(le.getBytes(StandardCharsets.UTF_16LE)).nameId()).isEqualTo("alice@contoso.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"IBM037", "UTF-32", "ISO-8859-1", "US-ASCII", "CESU-8", "windows-1252"})
    void validateWhenSignedResponseIsInAnEncodingOtherThanUtf8Or16ThenRejectsWithMalformed(String encoding) {
        String xml = "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>" + f.response().xml();
        assertThat(reject(xml.getBytes(Charset.forName(encoding)))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenEncodingDeclarationLiesAboutUtf8BytesThenRejectsWithMalformed() {
        String body = f.response().displayName("Zoë").xml();
        assertThat(reject(("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + body).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Reason.MALFORMED);
        assertThat(reject(("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + body).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenXml11DeclarationPrecedesAGenuineSignedResponseThenRejectsWithMalformed() {
        assertThat(f.rejectXml(sp, "<?xml version=\"1.1\"?>" + f.response().xml())).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenDecryptedAssertionDeclaresXml11ThenRejectsWithDecryptionFailed() {
        String xml = f.response().xml();
        String encrypted = new TestEncryptor(Fixture.spEncryption().certificate())
                .inResponse(xml, "<?xml version=\"1.1\"?>" + TestEncryptor.assertionOf(xml));
        assertThat(f.rejectXml(sp, encrypted)).isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&#0;", "&#x1;", "\u0001", "&#xD800;", "&#xFFFE;", "\u001B[31m"})
    void validateWhenNulControlOrLoneSurrogateAppearsThenRejectsWithMalformed(String bad) {
        String xml = f.response().xml().replace("</samlp:Status>", "<samlp:StatusMessage>x" + bad
                + "</samlp:StatusMessage></samlp:Status>");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenSignedNameIdRewrittenWithCdataCharacterReferencesAndCommentsThenIdentityIsUnchanged() {
        String xml = f.response().xml().replace(NAME_ID,
                ">&#x61;lice<!-- - --><![CDATA[@contoso]]>&#46;example<?ignored?></NameID>");
        // the processing instruction is canonicalized, so it must break the signature: drop it for the accept case
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.SIGNATURE_INVALID);
        Identity who = f.sp().validate(Fixture.b64(xml.replace("<?ignored?>", "")), Fixture.REQUEST_ID);
        assertThat(who.nameId()).isEqualTo("alice@contoso.example");
    }

    @Test
    void validateWhenSignedAttributeValueHasCommentInsideThenTheClaimIsTheWholeSignedText() {
        ResponseBuilder r = f.response().groups(java.util.List.of("admins-readonly"));
        String xml = r.xml().replace(">admins-readonly<", ">admins<!---->-readonly<");
        assertThat(f.sp().validate(Fixture.b64(xml), Fixture.REQUEST_ID).groups()).containsExactly("admins-readonly");
    }

    @Test
    void validateWhenSignedNameIdGainsWhitespaceThenRejectsWithSignatureInvalid() {
        assertThat(f.rejectXml(sp, f.response().xml().replace(NAME_ID, "> alice@contoso.example</NameID>")))
                .isEqualTo(Reason.SIGNATURE_INVALID);
        assertThat(f.rejectXml(f.sp(), f.response().xml().replace(NAME_ID, ">alice@contoso.example\n</NameID>")))
                .isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @Test
    void validateWhenUnusedNamespaceDeclarationsAndQuotingChangeInsideSignedAssertionThenIdentityIsUnchanged() {
        ResponseBuilder r = f.response();
        String xml = r.xml()
                .replace("<Subject>", "<Subject xmlns:evil=\"urn:evil\" xmlns:saml=\"urn:evil:lookalike\">")
                .replace("<AudienceRestriction>", "<AudienceRestriction   >")
                .replace("Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\"", "Method='urn:oasis:names:tc:SAML:2.0:cm:bearer'");
        Identity who = sp.validate(Fixture.b64(xml), Fixture.REQUEST_ID);
        assertThat(who.nameId()).isEqualTo("alice@contoso.example");
        assertThat(who.objectId()).contains(r.objectId());
    }

    @Test
    void validateWhenSignedAssertionUsesAPrefixRedeclaredToALookalikeNamespaceThenRejects() {
        // rebinding the assertion's own default namespace moves its elements out of SAML: never accepted
        String xml = f.response().xml().replace("<Subject>", "<Subject xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion \">");
        assertThat(f.rejectXml(sp, xml)).isIn(Reason.SIGNATURE_INVALID, Reason.NO_SUBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-16BE"})
    void validateWhenDoctypeIsEncodedInUtf16ThenRejectsWithDoctypeForbidden(String encoding) {
        String xxe = "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?><!DOCTYPE r [<!ENTITY x SYSTEM"
                + " \"file:///etc/passwd\">]>" + f.response().xml().replace(">alice@contoso.example<", ">&x;<");
        assertThat(reject(xxe.getBytes(Charset.forName(encoding)))).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
    }
}
