package dev.fedbroker.sample.dev;

import dev.fedbroker.core.Policy;
import dev.fedbroker.sample.AppUrls;
import dev.fedbroker.sample.AwsConsole;
import dev.fedbroker.sample.OrgIndex;
import dev.fedbroker.sample.SigningKey;
import dev.fedbroker.sample.SpKeys;
import dev.fedbroker.saml.MetadataSource;
import dev.fedbroker.scim.ScimEndpoint;
import dev.fedbroker.scim.ScimResourceStore;
import dev.fedbroker.testing.TestCredential;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Development mode (the default, {@code FEDBROKER_MODE=dev}): keys minted in memory at start, the dev tenant seeded
 * through the SCIM endpoint, the dev IdP's metadata as the trusted IdP, and the AWS stand-in. Nothing here exists
 * in azure mode.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fedbroker.mode", havingValue = "dev", matchIfMissing = true)
public class DevConfiguration {

    /** Minted once per JVM (RSA key generation is slow): the SP's request-signing key and the broker's AWS key. */
    @Bean
    SpKeys keys() {
        return new SpKeys(Optional.of(minted("fedbroker-dev-sp")), Optional.empty(),
                Optional.of(minted("fedbroker-dev-broker-idp")));
    }

    /** The dev tenant, after its users and groups were provisioned through the SCIM endpoint. */
    @Bean
    DevTenant devTenant(AppUrls urls, ScimEndpoint scim, ScimResourceStore store, Clock clock) {
        DevSeed seed = DevSeed.load();
        new DirectorySeeder(scim).seed(seed);
        return new DevTenant(seed, store, urls, clock);
    }

    /** The SP trusts the dev IdP through metadata, exactly as it trusts Azure's. */
    @Bean(destroyMethod = "close")
    MetadataSource identityProviderMetadata(DevTenant tenant, Clock clock) {
        return MetadataSource.fromString(tenant.metadataXml()).clock(clock).build();
    }

    @Bean
    AwsStandIn awsStandIn(AwsConsole console, AppUrls urls, Policy policy, OrgIndex org, Clock clock) {
        return new AwsStandIn(console.signIn().orElseThrow(), URI.create(urls.at("/portal")), policy, org, clock);
    }

    private static SigningKey minted(String name) {
        TestCredential credential = TestCredential.shared(name);
        return new SigningKey(credential.privateKey(), credential.certificate());
    }
}
