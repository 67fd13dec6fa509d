package dev.fedbroker.sample.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class ScimBearerTokenTest {

    private static final String TOKEN = "0123456789abcdef-secret";

    @Test
    void matchesWhenBearerSchemeInAnyCaseThenAccepts() {
        ScimBearerToken token = ScimBearerToken.of(TOKEN);

        assertThat(token.matches("Bearer " + TOKEN)).isTrue();
        assertThat(token.matches("bearer " + TOKEN)).isTrue();
        assertThat(token.matches("  BEARER   " + TOKEN + "  ")).isTrue();
    }

    @Test
    void matchesWhenAnythingElseThenRefuses() {
        ScimBearerToken token = ScimBearerToken.of(TOKEN);

        assertThat(token.matches(null)).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(TOKEN)).isFalse();
        assertThat(token.matches("Basic " + TOKEN)).isFalse();
        assertThat(token.matches("Bearer " + TOKEN + "x")).isFalse();
        assertThat(token.matches("Bearer " + TOKEN.substring(1))).isFalse();
        assertThat(token.matches("Bearer")).isFalse();
    }

    @Test
    void ofWhenShorterThanSixteenCharactersThenRefusedNamingTheSetting() {
        assertThatIllegalStateException().isThrownBy(() -> ScimBearerToken.of("short"))
                .withMessageContaining("FEDBROKER_SCIM_TOKEN");
    }

    @Test
    void generateWhenTakenThenShownOnceAndMatches() {
        ScimBearerToken token = ScimBearerToken.generate();

        String shown = token.takeGeneratedToken().orElseThrow();

        assertThat(shown).hasSizeGreaterThanOrEqualTo(43);
        assertThat(token.matches("Bearer " + shown)).isTrue();
        assertThat(token.takeGeneratedToken()).isEmpty();
        assertThat(token).hasToString("ScimBearerToken[***]");
    }

    @Test
    void configuredWhenAskedForTheGeneratedTokenThenNothingIsShown() {
        assertThat(ScimBearerToken.of(TOKEN).takeGeneratedToken()).isEmpty();
    }
}
