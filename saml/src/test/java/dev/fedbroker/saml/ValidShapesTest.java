package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.testing.AzureClaims;
import dev.fedbroker.testing.ResponseBuilder;
import dev.fedbroker.testing.TestCredential;
import dev.fedbroker.testing.TestIdentityProvider;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every shape Azure AD legitimately sends is accepted and mapped to the expected Identity. */
class ValidShapesTest {

    private final Fixture f = new Fixture();

    @Test
    void validateWhenAssertionSignedThenReturnsAzureClaims() {
        ResponseBuilder r = f.response().signAssertion().groups(List.of("g-1", "g-2"))
                .authnMethods(List.of(AzureClaims.AMR_PASSWORD, AzureClaims.AMR_MFA));

        Identity who = f.sp().validate(r.base64(), Fixture.REQUEST_ID);

        assertThat(who.nameId()).isEqualTo("alice@contoso.example");
        assertThat(who.nameIdFormat()).isEqualTo(AzureClaims.NAMEID_EMAIL);
        assertThat(who.issuer()).contains(f.idp.entityId());
        assertThat(who.tenantId()).contains(Fixture.TENANT);
        assertThat(who.objectId()).contains(r.objectId());
        assertThat(who.upn()).contains("alice@contoso.example");
        assertThat(who.email()).contains("alice@contoso.example");
        assertThat(who.displayName()).contains("Alice Example");
        assertThat(who.givenName()).contains("Alice");
        assertThat(who.surname()).contains("Example");
        assertThat(who.groups()).containsExactly("g-1", "g-2");
        assertThat(who.groupsOverage()).isFalse();
        assertThat(who.authnMethods()).containsExactly(AzureClaims.AMR_PASSWORD, AzureClaims.AMR_MFA);
        assertThat(who.hasMfa()).isTrue();
        assertThat(who.assertionId()).contains(r.assertionId());
        assertThat(who.sessionIndex()).contains(r.assertionId());
        assertThat(who.validUntil()).contains(f.t0.plusSeconds(70 * 60));
        assertThat(who.attributes()).containsKeys(AzureClaims.TENANT_ID, AzureClaims.GROUPS);
    }

    @Test
    void validateWhenResponseSignedOnlyThenAccepts() {
        Identity who = f.sp().validate(f.response().signResponse().base64(), Fixture.REQUEST_ID);
        assertThat(who.nameId()).isEqualTo("alice@contoso.example");
    }

    @Test
    void validateWhenBothSignedThenAcceptsEvenWhenBothSignaturesRequired() {
        ServiceProvider sp = f.builder().requireSignedAssertion(true).requireSignedResponse(true).build();
        assertThat(sp.validate(f.response().signBoth().base64(), Fixture.REQUEST_ID).nameId())
                .isEqualTo("alice@contoso.example");
    }

    @ParameterizedTest
    @CsvSource({
            ResponseBuilder.AES256_GCM + "," + ResponseBuilder.RSA_OAEP_MGF1P,
            ResponseBuilder.AES256_GCM + "," + ResponseBuilder.RSA_OAEP,
            ResponseBuilder.AES256_CBC + "," + ResponseBuilder.RSA_OAEP_MGF1P,
            ResponseBuilder.AES256_CBC + "," + ResponseBuilder.RSA_OAEP,
            ResponseBuilder.AES128_CBC + "," + ResponseBuilder.RSA_OAEP_MGF1P})
    void validateWhenAssertionEncryptedThenDecryptsAndAccepts(String content, String transport) {
        ResponseBuilder r = f.response().groups(List.of("g-1")).encryptFor(Fixture.spEncryption().certificate())
                .contentEncryption(content).keyTransport(transport);
        assertThat(r.xml()).contains("EncryptedAssertion").doesNotContain("alice@contoso.example");

        Identity who = f.sp().validate(r.base64(), Fixture.REQUEST_ID);

        assertThat(who.nameId()).isEqualTo("alice@contoso.example");
        assertThat(who.groups()).containsExactly("g-1");
    }

    @Test
    void validateWhenEncryptedAndResponseSignedThenAccepts() {
        ResponseBuilder r = f.response().signBoth().encryptFor(Fixture.spEncryption().certificate());
        assertThat(f.sp().validate(r.base64(), Fixture.REQUEST_ID).objectId()).contains(r.objectId());
    }

    @Test
    void validateWhenSpKeyRolledOverThenEitherConfiguredKeyDecrypts() {
        TestCredential old = TestCredential.shared("fedbroker-sp-encryption-old");
        ServiceProvider sp = f.builder().decryption(old.privateKey(), old.certificate()).build();
        assertThat(sp.validate(f.response().encryptFor(old.certificate()).base64(), Fixture.REQUEST_ID).nameId())
                .isEqualTo("alice@contoso.example");
        assertThat(sp.validate(f.response().encryptFor(Fixture.spEncryption().certificate()).base64(),
                Fixture.REQUEST_ID).nameId()).isEqualTo("alice@contoso.example");
    }

    @Test
    void validateWhenNoGroupsThenEmptyGroupsAndNoOverage() {
        Identity who = f.sp().validate(f.response().groups(List.of()).base64(), Fixture.REQUEST_ID);
        assertThat(who.groups()).isEmpty();
        assertThat(who.groupsOverage()).isFalse();
    }

    @Test
    void validateWhen150GroupsThenKeepsAllInDocumentOrder() {
        List<String> groups = IntStream.range(0, 150).mapToObj(i -> UUID.randomUUID().toString()).toList();
        Identity who = f.sp().validate(f.response().groups(groups).base64(), Fixture.REQUEST_ID);
        assertThat(who.groups()).containsExactlyElementsOf(groups);
    }

    @Test
    void validateWhenGroupsOverageThenFlagSetAndNoGroups() {
        Identity who = f.sp().validate(f.response().groupsOverage().base64(), Fixture.REQUEST_ID);
        assertThat(who.groupsOverage()).isTrue();
        assertThat(who.groups()).isEmpty();
    }

    @Test
    void validateWhenRolesInBothClaimsThenDeduplicatedInDocumentOrder() {
        String pair = "arn:aws:iam::111111111111:role/Admin,arn:aws:iam::111111111111:saml-provider/Azure";
        Identity who = f.sp().validate(f.response().roles(List.of(pair, "Reader"))
                .awsRoles(List.of(pair, "arn:aws:iam::2:role/X,arn:aws:iam::2:saml-provider/Azure")).base64(),
                Fixture.REQUEST_ID);
        assertThat(who.roles()).containsExactly(pair, "Reader",
                "arn:aws:iam::2:role/X,arn:aws:iam::2:saml-provider/Azure");
    }

    @Test
    void validateWhenSha1AndOptedInThenAccepts() {
        ResponseBuilder r = f.response().signatureAlgorithm(ResponseBuilder.RSA_SHA1).digestAlgorithm(ResponseBuilder.SHA1);
        assertThat(f.builder().allowSha1(true).build().validate(r.base64(), Fixture.REQUEST_ID).nameId())
                .isEqualTo("alice@contoso.example");
    }

    @ParameterizedTest
    @CsvSource({ResponseBuilder.RSA_SHA384 + "," + ResponseBuilder.SHA384,
            ResponseBuilder.RSA_SHA512 + "," + ResponseBuilder.SHA512})
    void validateWhenStrongerShaThenAccepts(String signature, String digest) {
        ResponseBuilder r = f.response().signatureAlgorithm(signature).digestAlgorithm(digest);
        assertThat(f.sp().validate(r.base64(), Fixture.REQUEST_ID).nameId()).isEqualTo("alice@contoso.example");
    }

    @Test
    void validateWhenMetadataListsTwoCertificatesThenResponsesSignedByEitherPass() {
        TestCredential next = TestCredential.shared("azure-idp-next");
        TestIdentityProvider announced = f.idp.withAdditionalSigningCredential(next);
        ServiceProvider sp = f.builder(announced).build();
        assertThat(sp.identityProvider().signingCertificates()).hasSize(2);

        assertThat(sp.validate(f.response().base64(), Fixture.REQUEST_ID).nameId()).isEqualTo("alice@contoso.example");
        TestIdentityProvider rolled = f.idp.withSigningCredential(next);
        assertThat(sp.validate(rolled.response().inResponseTo(Fixture.REQUEST_ID).base64(), Fixture.REQUEST_ID)
                .nameId()).isEqualTo("alice@contoso.example");
    }

    @Test
    void validateWhenSignedByCertificateNotInMetadataThenRejectsWithUntrustedKey() {
        ResponseBuilder r = f.response().signWith(TestCredential.shared("azure-idp-not-announced"));
        assertThat(Fixture.reasonOf(() -> f.sp().validate(r.base64(), Fixture.REQUEST_ID)))
                .isEqualTo(Reason.UNTRUSTED_KEY);
    }

    @Test
    void validateUnsolicitedWhenAllowedThenAccepts() {
        ServiceProvider sp = f.builder().allowUnsolicited(true).build();
        assertThat(sp.validateUnsolicited(f.idp.response().base64()).nameId()).isEqualTo("alice@contoso.example");
    }

    @Test
    void validateWhenEntityIdsAreOpaqueStringsThenComparedExactly() {
        TestIdentityProvider idp = f.idp.withServiceProvider("spn:0f4e1d2c-aaaa-bbbb-cccc-000000000001", Fixture.ACS);
        ServiceProvider sp = f.builder(idp).entityId("spn:0f4e1d2c-aaaa-bbbb-cccc-000000000001").build();
        assertThat(sp.validate(idp.response().inResponseTo(Fixture.REQUEST_ID).base64(), Fixture.REQUEST_ID)
                .nameId()).isEqualTo("alice@contoso.example");
    }
}
