package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedbroker.saml.SamlValidationException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RelayState as a post-login redirect target: same-origin paths and allow-listed origins only. */
class RedirectTargetsTest {

    private final RedirectTargets relative = RedirectTargets.relativeOnly();
    private final RedirectTargets app = RedirectTargets.builder().allowOrigin("https://app.example.com").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "https://evil.example",
        "http://evil.example/",
        "//evil.example",
        "///evil.example",
        "////evil.example/x",
        "/\\evil.example",
        "\\\\evil.example",
        "\\/evil.example",
        "/%2F%2Fevil.example",
        "/%2f/evil.example",
        "/%5Cevil.example",
        "/%5cevil.example",
        "%2F%2Fevil.example",
        "/%252F%252Fevil.example",
        "/%25252F%25252Fevil.example",
        "/%09/evil.example",
        "/%0d%0aLocation:%20https://evil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.domain)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "/\t/evil.example",
        "/\n/evil.example",
        " //evil.example",
        "/ /evil.example",
        "\u0000/evil.example",
        "/\u0000evil",
        "/\uFF0Fevil.example",
        "/\u202Eelpmaxe.live",
        "https:evil.example",
        "https:/evil.example",
        "evil.example",
        "/..//evil.example",
        "/a/../..//evil.example",
        "/%2e%2e/%2e%2e//evil.example",
        "/./admin",
        "/%",
        "/%zz",
        "",
    })
    void resolveWhenHostileThenOpenRedirect(String relayState) {
        assertThat(SpSide.reasonOf(() -> relative.resolve(relayState))).isEqualTo(Reason.OPEN_REDIRECT);
        assertThat(SpSide.reasonOf(() -> app.resolve(relayState))).isEqualTo(Reason.OPEN_REDIRECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://app.example.com.evil.example/",
        "https://app.example.com@evil.example/",
        "https://evil.example\\@app.example.com/",
        "https://evil.example#@app.example.com/",
        "https://evil.example?@app.example.com/",
        "http://app.example.com/",
        "https://app.example.com:8443/",
        "https://user:pass@app.example.com/",
        "https://app.example.com//evil.example",
        "https://app.example.com/%2F%2Fevil.example",
        "ftp://app.example.com/",
        "https://xn--pp-hia.example.com/",
    })
    void resolveWhenAbsoluteOutsideTheAllowListThenOpenRedirect(String relayState) {
        assertThat(SpSide.reasonOf(() -> app.resolve(relayState))).isEqualTo(Reason.OPEN_REDIRECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/portal", "/portal/accounts?id=123&tab=roles", "/a/b#frag", "/search?q=http://x",
        "/caf%C3%A9", "/my%20docs/file.txt", "/a.b/c..d/.well-known"})
    void resolveWhenSameOriginPathThenReturnedUnchanged(String relayState) {
        assertThat(relative.resolve(relayState)).isEqualTo(relayState);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com", "https://app.example.com/", "https://APP.example.com/portal",
        "https://app.example.com:443/x?y=1"})
    void resolveWhenAllowListedOriginThenReturnedUnchanged(String relayState) {
        assertThat(app.resolve(relayState)).isEqualTo(relayState);
        assertThat(SpSide.reasonOf(() -> relative.resolve(relayState))).isEqualTo(Reason.OPEN_REDIRECT);
    }

    @Test
    void resolveWhenLongerThanLimitThenRelayStateTooLong() {
        String longPath = "/" + "a".repeat(80);

        assertThat(SpSide.reasonOf(() -> relative.resolve(longPath))).isEqualTo(Reason.RELAY_STATE_TOO_LONG);
        assertThat(RedirectTargets.builder().maxLength(200).build().resolve(longPath)).isEqualTo(longPath);
    }

    @Test
    void resolveOrWhenRefusedThenFallback() {
        assertThat(relative.resolveOr("//evil.example", "/home")).isEqualTo("/home");
        assertThat(relative.resolveOr(null, "/home")).isEqualTo("/home");
        assertThat(relative.resolveOr("/ok", "/home")).isEqualTo("/ok");
    }

    @Test
    void allowOriginWhenNotAnOriginThenIllegalArgument() {
        for (String bad : new String[] {"app.example.com", "https://app.example.com/path", "javascript:x",
            "https://u@app.example.com", "https://app.example.com/?q"}) {
            assertThatThrownBy(() -> RedirectTargets.builder().allowOrigin(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
