package dev.fedbroker.sample;

import dev.fedbroker.aws.AwsSignIn;
import dev.fedbroker.core.Directory;
import dev.fedbroker.core.EntitlementResolver;
import dev.fedbroker.core.InMemoryReplayCache;
import dev.fedbroker.core.Policy;
import dev.fedbroker.core.PolicyLoader;
import dev.fedbroker.core.ReplayCache;
import dev.fedbroker.jdbc.JdbcReplayCache;
import dev.fedbroker.jdbc.JdbcScimResourceStore;
import dev.fedbroker.sample.SampleSettings.Mode;
import dev.fedbroker.sample.security.ScimBearerToken;
import dev.fedbroker.saml.MetadataSource;
import dev.fedbroker.saml.ServiceProvider;
import dev.fedbroker.scim.InMemoryScimResourceStore;
import dev.fedbroker.scim.ScimDirectory;
import dev.fedbroker.scim.ScimEndpoint;
import dev.fedbroker.scim.ScimResourceStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;

/**
 * Wires the library the way a host app does: one of each, built at start, shared by every request (all of them are
 * immutable or thread-safe). Mode-specific parts (the IdP metadata, the keys) come from {@code DevConfiguration} or
 * {@link AzureConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SampleSettings.class)
public class BrokerConfiguration {

    /** The one clock every component reads; tests of the library inject their own. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AppUrls appUrls(SampleSettings settings, Environment environment) {
        return AppUrls.from(settings, environment.getProperty("server.port", Integer.class, 8080));
    }

    /** The policy: FEDBROKER_POLICY_FILE, or in dev mode the seeded {@code dev/policy.json}. */
    @Bean
    Policy policy(SampleSettings settings) throws IOException {
        Optional<Path> file = settings.policyPath();
        if (file.isPresent()) {
            try (InputStream in = Files.newInputStream(file.get())) {
                return PolicyLoader.defaults().parse(in);
            }
        }
        if (settings.runMode() == Mode.AZURE) {
            throw new IllegalStateException("Azure mode needs FEDBROKER_POLICY_FILE, the policy JSON (see"
                    + " sample-app/src/main/resources/dev/policy.json for the format).");
        }
        try (InputStream in = new ClassPathResource("dev/policy.json").getInputStream()) {
            return PolicyLoader.defaults().parse(in);
        }
    }

    /** The organization tree, indexed for the portal's grouping and explanations. */
    @Bean
    OrgIndex orgIndex(Policy policy) {
        return new OrgIndex(policy);
    }

    /** FEDBROKER_JDBC_URL's database, shared by every instance; none by default. */
    @Bean(destroyMethod = "close")
    SharedDatabase sharedDatabase(SampleSettings settings) {
        return SharedDatabase.open(settings.jdbc());
    }

    /**
     * Assertion ids already accepted: in the shared database when there is one (an assertion accepted by one
     * instance is refused by every other), else in memory (one instance only).
     */
    @Bean
    ReplayCache replayCache(SharedDatabase database, Clock clock) {
        return database.dataSource().<ReplayCache>map(ds -> JdbcReplayCache.builder(ds).clock(clock).build())
                .orElseGet(() -> new InMemoryReplayCache(clock));
    }

    /** Where SCIM provisioning writes users, groups and memberships: the shared database, else memory. */
    @Bean
    ScimResourceStore scimStore(SharedDatabase database, Clock clock) {
        return database.dataSource().<ScimResourceStore>map(ds -> JdbcScimResourceStore.builder(ds).clock(clock)
                .build()).orElseGet(() -> InMemoryScimResourceStore.builder().clock(clock).build());
    }

    @Bean
    ScimEndpoint scimEndpoint(ScimResourceStore store, AppUrls urls) {
        return ScimEndpoint.builder().store(store).baseUrl(URI.create(urls.at("/scim/v2"))).build();
    }

    /** The read side the resolver needs for group overage: users by UPN = userName, groups by externalId. */
    @Bean
    Directory directory(ScimResourceStore store) {
        return ScimDirectory.builder().store(store).build();
    }

    @Bean
    EntitlementResolver entitlementResolver(Policy policy, Directory directory) {
        return EntitlementResolver.of(policy, directory);
    }

    @Bean
    ServiceProvider serviceProvider(SampleSettings settings, AppUrls urls, MetadataSource idp, SpKeys keys,
            ReplayCache replayCache, Clock clock) {
        ServiceProvider.Builder sp = ServiceProvider.builder()
                .entityId(urls.spEntityId())
                .assertionConsumerService(urls.acs())
                .identityProvider(idp)
                .singleLogoutService(urls.at("/saml/logout"))
                .requireSignedLogoutMessages(true)
                .allowUnsolicited(settings.sp().allowIdpInitiated())
                .replayCache(replayCache)
                .clock(clock);
        keys.spSigning().ifPresent(k -> sp.signing(k.key(), k.certificate()));
        keys.spDecryption().ifPresent(k -> sp.decryption(k.key(), k.certificate()));
        return sp.build();
    }

    /** Signs AWS sign-in responses for the pairs the same resolver grants. */
    @Bean
    AwsConsole awsConsole(SampleSettings settings, AppUrls urls, SpKeys keys, EntitlementResolver resolver,
            Clock clock) {
        Optional<AwsSignIn> signIn = keys.awsSigning().map(k -> AwsSignIn.builder()
                .entityId(urls.awsIdpEntityId())
                .signingKey(k.key(), k.certificate())
                .resolver(resolver)
                .clock(clock)
                .build());
        boolean dev = settings.runMode() == Mode.DEV;
        return new AwsConsole(signIn, dev ? Optional.of("/dev/aws-signin") : Optional.empty());
    }

    /** FEDBROKER_SCIM_TOKEN, or in dev mode a random one printed once at start. */
    @Bean
    ScimBearerToken scimBearerToken(SampleSettings settings) {
        Optional<String> configured = settings.configuredScimToken();
        if (configured.isPresent()) {
            return ScimBearerToken.of(configured.get());
        }
        if (settings.runMode() == Mode.AZURE) {
            throw new IllegalStateException("Azure mode needs FEDBROKER_SCIM_TOKEN, the Secret Token you enter in"
                    + " the enterprise app's provisioning settings (at least 32 random characters).");
        }
        return ScimBearerToken.generate();
    }
}
