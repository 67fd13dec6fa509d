package dev.fedbroker.cli;

import dev.fedbroker.testing.TestCredential;
import dev.fedbroker.testing.TestIdentityProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The files the CLI reads, produced by test-fixtures at a fixed instant: an Azure-like IdP (metadata, certificate),
 * the SP's encryption key pair, responses. Keys are minted once per JVM (RSA generation is slow on small machines).
 */
final class CliFixtures {

    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    static final String NOW = T0.toString();
    static final String TENANT = "8b966979-910b-487c-a604-69229b1ac75c";
    static final String SP_ENTITY_ID = "https://broker.example.com/saml";
    static final String ACS = "https://broker.example.com/saml/acs";
    static final String ADMINS = "0b6e5a1c-3d2f-4e8b-9a7c-6d5e4f3a2b10";
    static final String DEVELOPERS = "5f2d8c3a-7b1e-4a6f-9d0c-2e4b6a8c0d1f";

    private CliFixtures() {
    }

    /** Minted on first use, valid from a day before T0 for three years, as Azure's certificates. */
    private static final class Keys {
        static final TestCredential IDP = TestCredential.generate("Microsoft Azure Federated SSO Certificate", 2048,
                T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(3 * 365)));
        static final TestCredential SP = TestCredential.generate("broker.example.com", 2048,
                T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2 * 365)));
    }

    static TestCredential idpCredential() {
        return Keys.IDP;
    }

    static TestCredential spCredential() {
        return Keys.SP;
    }

    /** The tenant, issuing responses at T0 for this SP. */
    static TestIdentityProvider idp() {
        return TestIdentityProvider.azureAd(TENANT, Keys.IDP).withServiceProvider(SP_ENTITY_ID, ACS)
                .withClock(Clock.fixed(T0, ZoneOffset.UTC));
    }

    /** Writes idp-metadata.xml, idp-cert.pem, sp-key.pem and sp-cert.pem into {@code dir}. */
    static void writeConfiguration(Path dir) {
        write(dir, "idp-metadata.xml", idp().metadataXml());
        write(dir, "idp-cert.pem", Keys.IDP.certificatePem());
        write(dir, "sp-key.pem", Keys.SP.privateKeyPem());
        write(dir, "sp-cert.pem", Keys.SP.certificatePem());
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** validate's options for the files of {@link #writeConfiguration}, at T0 unless {@code more} sets --now, IdP-initiated, then {@code more}. */
    static String[] validate(Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of("validate", "--idp-metadata", dir.resolve("idp-metadata.xml")
                .toString(), "--sp-entity-id", SP_ENTITY_ID, "--acs", ACS, "--allow-unsolicited"));
        if (!Arrays.asList(more).contains("--now")) {
            args.addAll(List.of("--now", NOW));
        }
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }
}
