package dev.fedbroker.sample;

import dev.fedbroker.saml.MetadataSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Azure mode ({@code FEDBROKER_MODE=azure}): the real tenant's federation metadata and the keys from PEM files. The
 * development IdP and the AWS stand-in do not exist in this mode.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fedbroker.mode", havingValue = "azure")
public class AzureConfiguration {

    /**
     * Azure's App Federation Metadata, from a file or (refreshed every 12 hours, so that a signing-certificate
     * rollover needs no restart) from its URL.
     */
    @Bean(destroyMethod = "close")
    MetadataSource identityProviderMetadata(SampleSettings settings, Clock clock) {
        Optional<String> file = SampleSettings.text(settings.idp().metadataFile());
        Optional<String> url = SampleSettings.text(settings.idp().metadataUrl());
        if (file.isPresent() == url.isPresent()) {
            throw new IllegalStateException("Azure mode needs exactly one of FEDBROKER_IDP_METADATA_FILE (the"
                    + " downloaded Federation Metadata XML) or FEDBROKER_IDP_METADATA_URL (the App Federation"
                    + " Metadata Url of the enterprise app).");
        }
        MetadataSource.Builder source = file.isPresent() ? MetadataSource.fromFile(Path.of(file.get()))
                : MetadataSource.fromUrl(URI.create(url.get()));
        return source.refreshInterval(Duration.ofHours(12)).clock(clock).build();
    }

    @Bean
    SpKeys keys(SampleSettings settings) {
        SampleSettings.Sp sp = settings.sp();
        SampleSettings.Aws aws = settings.aws();
        return new SpKeys(
                SigningKey.fromPemFiles(sp.signingKey(), sp.signingCertificate(), "FEDBROKER_SP_SIGNING_KEY/_CERTIFICATE"),
                SigningKey.fromPemFiles(sp.decryptionKey(), sp.decryptionCertificate(),
                        "FEDBROKER_SP_DECRYPTION_KEY/_CERTIFICATE"),
                SigningKey.fromPemFiles(aws.signingKey(), aws.signingCertificate(),
                        "FEDBROKER_AWS_SIGNING_KEY/_CERTIFICATE"));
    }
}
