package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.InMemoryReplayCache;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Step 8: an assertion is accepted once; the cache failing closes the door. */
class ReplayTest {

    private final Fixture f = new Fixture();

    @Test
    void validateWhenSameResponseTwiceThenRejectsWithReplayed() {
        ServiceProvider sp = f.sp();
        String b64 = f.response().base64();
        sp.validate(b64, Fixture.REQUEST_ID);
        assertThat(Fixture.reasonOf(() -> sp.validate(b64, Fixture.REQUEST_ID))).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void validateWhenNewResponseReusesAssertionIdThenRejectsWithReplayed() {
        ServiceProvider sp = f.sp();
        sp.validate(f.response().assertionId("_fixed-assertion").base64(), Fixture.REQUEST_ID);
        String second = f.response().assertionId("_fixed-assertion").nameId("other@contoso.example").base64();
        assertThat(Fixture.reasonOf(() -> sp.validate(second, Fixture.REQUEST_ID))).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void validateWhenReplayCacheThrowsThenRejectsWithReplayCacheUnavailable() {
        ServiceProvider sp = f.builder().replayCache((key, until) -> {
            throw new IllegalStateException("database down");
        }).build();
        assertThat(Fixture.reasonOf(() -> sp.validate(f.response().base64(), Fixture.REQUEST_ID)))
                .isEqualTo(Reason.REPLAY_CACHE_UNAVAILABLE);
    }

    @Test
    void validateWhenAcceptedThenRemembersIssuerAndIdUntilLatestNotOnOrAfterPlusSkewPlusOneSecond() {
        AtomicReference<String> key = new AtomicReference<>();
        AtomicReference<Instant> until = new AtomicReference<>();
        ServiceProvider sp = f.builder().replayCache((k, u) -> {
            key.set(k);
            until.set(u);
            return true;
        }).build();
        var r = f.response();
        sp.validate(r.base64(), Fixture.REQUEST_ID);
        assertThat(key.get()).isEqualTo(f.idp.entityId() + "|" + r.assertionId());
        assertThat(until.get()).isEqualTo(f.t0.plus(Duration.ofMinutes(70)).plus(Duration.ofMinutes(3)).plusSeconds(1));
    }

    @Test
    void validateWhenRejectedThenAssertionIdIsNotRemembered() {
        InMemoryReplayCache cache = new InMemoryReplayCache(f.clock);
        ServiceProvider sp = f.builder().replayCache(cache).build();
        var r = f.response().assertionId("_kept").audience("https://other.example.com/saml");
        assertThat(Fixture.reasonOf(() -> sp.validate(r.base64(), Fixture.REQUEST_ID)))
                .isEqualTo(Reason.WRONG_AUDIENCE);
        assertThat(cache.size()).isZero();
    }
}
