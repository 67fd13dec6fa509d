package dev.fedbroker.bench;

import dev.fedbroker.core.Identity;
import dev.fedbroker.core.InMemoryReplayCache;
import dev.fedbroker.core.ReplayCache;
import dev.fedbroker.saml.IdentityProvider;
import dev.fedbroker.saml.ServiceProvider;
import dev.fedbroker.testing.AzureClaims;
import dev.fedbroker.testing.ResponseBuilder;
import dev.fedbroker.testing.TestCredential;
import dev.fedbroker.testing.TestIdentityProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One Azure tenant (test-fixtures' {@link TestIdentityProvider}, RSA-2048 keys), the SP that trusts it, a fixed clock
 * shared by both sides, and the responses of one {@link SamlVariant}: the same Azure-shaped response for fedbroker and
 * for java-saml. Immutable after construction; {@link #responses(int)} may be called from any thread.
 */
final class SamlWorld {

    static final String TENANT = "8b966979-910b-487c-a604-69229b1ac75c";
    static final String REQUEST_ID = "_fedbroker-bench-authnrequest-1";
    /** Default number of distinct responses in a pool (system property {@code fedbroker.bench.pool}). */
    static final int DEFAULT_POOL = 512;
    /** Ten group object ids: a typical groups claim, well under Azure's SAML limit of 150. */
    static final List<String> GROUPS = tenGroups();

    final SamlVariant variant;
    final Instant now;
    final Clock clock;
    final TestIdentityProvider idp;
    final TestCredential spEncryption;

    SamlWorld(SamlVariant variant) {
        this.variant = variant;
        this.now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.clock = Clock.fixed(now, ZoneOffset.UTC);
        this.idp = TestIdentityProvider.azureAd(TENANT).withClock(clock);
        this.spEncryption = TestCredential.shared("fedbroker-bench-sp-encryption");
    }

    static int poolSize() {
        return Integer.getInteger("fedbroker.bench.pool", DEFAULT_POOL);
    }

    /** A fresh response (new Response and Assertion IDs), base64 as posted to the ACS. */
    String response() {
        ResponseBuilder b = idp.response().inResponseTo(REQUEST_ID).groups(GROUPS)
                .authnMethods(List.of(AzureClaims.AMR_PASSWORD, AzureClaims.AMR_MFA))
                .roles(List.of("ReadOnly"));
        return variant.apply(b, spEncryption.certificate()).base64();
    }

    /** {@code n} distinct responses, signed on every core (signing dominates setup time). */
    List<String> responses(int n) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int count = n / threads + (t < n % threads ? 1 : 0);
                parts.add(pool.submit(() -> {
                    List<String> out = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        out.add(response());
                    }
                    return out;
                }));
            }
            List<String> all = new ArrayList<>(n);
            for (Future<List<String>> part : parts) {
                all.addAll(part.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing responses", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not sign responses", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** fedbroker's SP with its defaults (the secure ones), this world's clock, and {@code replayCache}. */
    ServiceProvider fedbroker(ReplayCache replayCache) {
        return ServiceProvider.builder()
                .entityId(TestIdentityProvider.DEFAULT_SP_ENTITY_ID)
                .assertionConsumerService(TestIdentityProvider.DEFAULT_ACS_URL)
                .identityProvider(IdentityProvider.fromMetadata(idp.metadataXml()))
                .decryption(spEncryption.privateKey(), spEncryption.certificate())
                .requireSignedAssertion(variant != SamlVariant.RESPONSE_SIGNED)
                .requireSignedResponse(variant == SamlVariant.RESPONSE_SIGNED)
                .clock(clock)
                .replayCache(replayCache)
                .build();
    }

    /** java-saml in its best configuration for this variant (see {@link JavaSamlSp}). */
    JavaSamlSp javaSaml(ReplayCache replayCache, boolean schemaValidation) {
        return new JavaSamlSp(this, replayCache, schemaValidation);
    }

    /**
     * Throws unless both sides accept {@code response} (each with a throwaway replay cache, so the benchmark's own
     * caches are untouched) and read the same identity from it.
     */
    void requireBothAccept(String response) {
        Identity ours = fedbroker(new InMemoryReplayCache(clock)).validate(response, REQUEST_ID);
        for (boolean schema : new boolean[] {false, true}) {
            Identity theirs = javaSaml(new InMemoryReplayCache(clock), schema).validate(response, REQUEST_ID);
            IdentityComparison.requireSame(ours, theirs);
        }
    }

    private static List<String> tenGroups() {
        List<String> groups = new ArrayList<>();
        for (long i = 1; i <= 10; i++) {
            groups.add(new UUID(0x5f2d8c3a7b1e4a6fL + i, 0x9d0c2e4b6a8c0d1fL ^ i).toString());
        }
        return List.copyOf(groups);
    }
}
