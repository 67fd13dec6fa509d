package dev.fedbroker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fedbroker.core.Identity;
import dev.fedbroker.core.InMemoryReplayCache;
import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.ServiceProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

/**
 * Runs each SAML benchmark method once through its real state setup (small pools), and checks what it produced: both
 * sides accept the same response and read the same identity, the pool never replays, the replay cache is really hit.
 */
class SamlBenchmarksSmokeTest {

    private static final String ALICE = "alice@contoso.example";

    @BeforeAll
    static void smallPools() {
        System.setProperty("fedbroker.bench.pool", "64");
    }

    private static SamlValidationBenchmark.World world(SamlVariant variant) {
        SamlValidationBenchmark.World w = new SamlValidationBenchmark.World();
        w.variant = variant;
        w.setup();
        return w;
    }

    @ParameterizedTest
    @EnumSource(SamlVariant.class)
    void validateWhenSameResponseThenFedbrokerAndJavaSamlReadTheSameIdentity(SamlVariant variant) {
        SamlWorld world = world(variant).world;
        String response = world.response();

        Identity ours = world.fedbroker(new InMemoryReplayCache(world.clock)).validate(response, SamlWorld.REQUEST_ID);
        Identity theirs = world.javaSaml(new InMemoryReplayCache(world.clock), false)
                .validate(response, SamlWorld.REQUEST_ID);
        Identity theirsXsd = world.javaSaml(new InMemoryReplayCache(world.clock), true)
                .validate(response, SamlWorld.REQUEST_ID);

        assertThat(ours.nameId()).isEqualTo(ALICE);
        assertThat(ours.groups()).isEqualTo(SamlWorld.GROUPS);
        assertThat(ours.roles()).containsExactly("ReadOnly");
        for (Identity peer : List.of(theirs, theirsXsd)) {
            assertThat(peer.nameId()).isEqualTo(ours.nameId());
            assertThat(peer.issuer()).isEqualTo(ours.issuer());
            assertThat(peer.assertionId()).isEqualTo(ours.assertionId()).isPresent();
            assertThat(peer.objectId()).isEqualTo(ours.objectId());
            assertThat(peer.upn()).isEqualTo(ours.upn());
            assertThat(peer.groups()).isEqualTo(ours.groups());
            assertThat(peer.roles()).isEqualTo(ours.roles());
            assertThat(peer.authnMethods()).isEqualTo(ours.authnMethods());
            assertThat(peer.sessionIndex()).isEqualTo(ours.sessionIndex());
            assertThat(peer.attributes()).isEqualTo(ours.attributes());
            IdentityComparison.requireSame(ours, peer);
        }
    }

    @ParameterizedTest
    @EnumSource(SamlVariant.class)
    void benchmarkMethodsWhenRunOnceThenEachSideReturnsAlice(SamlVariant variant) {
        SamlValidationBenchmark.World w = world(variant);
        SamlValidationBenchmark bench = new SamlValidationBenchmark();
        SamlValidationBenchmark.Fedbroker ours = new SamlValidationBenchmark.Fedbroker();
        ours.setup(w);
        SamlValidationBenchmark.JavaSaml theirs = new SamlValidationBenchmark.JavaSaml();
        theirs.setup(w);
        SamlValidationBenchmark.JavaSamlSchema theirsXsd = new SamlValidationBenchmark.JavaSamlSchema();
        theirsXsd.setup(w);

        assertThat(bench.fedbroker(ours).nameId()).isEqualTo(ALICE);
        assertThat(bench.javaSaml(theirs).nameId()).isEqualTo(ALICE);
        assertThat(bench.javaSamlXsd(theirsXsd).nameId()).isEqualTo(ALICE);
    }

    @Test
    void poolWhenTwoThreadsCycleItSeveralTimesThenNoResponseIsRejected() throws Exception {
        SamlValidationBenchmark.World w = world(SamlVariant.ASSERTION_SIGNED);
        SamlValidationBenchmark.Fedbroker ours = new SamlValidationBenchmark.Fedbroker();
        ours.setup(w);
        SamlValidationBenchmark.JavaSaml theirs = new SamlValidationBenchmark.JavaSaml();
        theirs.setup(w);
        SamlValidationBenchmark bench = new SamlValidationBenchmark();
        int calls = ours.pool.size() * 3 / 2 + 7;

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                done.add(threads.submit(() -> {
                    int accepted = 0;
                    for (int i = 0; i < calls; i++) {
                        accepted += bench.fedbroker(ours).nameId().equals(ALICE) ? 1 : 0;
                        accepted += bench.javaSaml(theirs).nameId().equals(ALICE) ? 1 : 0;
                    }
                    return accepted;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(2 * calls);
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void replayCacheWhenOneResponseTwiceInOnePassThenBothSidesRejectTheSecond() {
        SamlWorld world = world(SamlVariant.ASSERTION_SIGNED).world;
        EpochReplayCache ourCache = new EpochReplayCache(world.clock);
        EpochReplayCache theirCache = new EpochReplayCache(world.clock);
        ServiceProvider ours = world.fedbroker(ourCache);
        JavaSamlSp theirs = world.javaSaml(theirCache, false);
        String response = world.response();
        ourCache.enter(0);
        theirCache.enter(0);

        ours.validate(response, SamlWorld.REQUEST_ID);
        theirs.validate(response, SamlWorld.REQUEST_ID);

        SamlValidationException replayed = catchThrowableOfType(SamlValidationException.class,
                () -> ours.validate(response, SamlWorld.REQUEST_ID));
        assertThat(replayed.reason()).isEqualTo(SamlValidationException.Reason.REPLAYED);
        assertThatThrownBy(() -> theirs.validate(response, SamlWorld.REQUEST_ID))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REPLAYED");
    }

    @Test
    void throughputBenchmarkWhenRunOnceThenValidates() {
        SamlThroughputBenchmark bench = new SamlThroughputBenchmark();
        bench.setup();

        assertThat(bench.oneThread().nameId()).isEqualTo(ALICE);
        assertThat(bench.twoThreads().nameId()).isEqualTo(ALICE);
    }

    @Test
    void floorStagesWhenRunOnceThenParseVerifyAndDigestAgreeWithTheSignature() throws Exception {
        FloorBenchmark bench = new FloorBenchmark();
        bench.setup();

        Document doc = bench.parse();
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("Response");
        assertThat(bench.rsaVerify()).isTrue();
        byte[] expected = FloorStages.base64Child(FloorStages.child(FloorStages.child(bench.signature[2],
                FloorStages.DSIG, "SignedInfo"), FloorStages.DSIG, "Reference"), "DigestValue");
        assertThat(bench.c14nDigest()).isEqualTo(expected);
        assertThat(bench.rsaOaepUnwrap()).hasSize(32);
    }
}
