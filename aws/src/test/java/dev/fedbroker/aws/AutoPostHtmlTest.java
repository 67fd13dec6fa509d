package dev.fedbroker.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.aws.internal.Html;
import dev.fedbroker.core.PolicyLoader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoPostHtmlTest {

    private static final String HOSTILE = "\"><script>alert('x')</script>&amp;'\u0000";

    /** A response whose every field holds hostile text (the XML is not signed here: only the page is tested). */
    private static AwsSignInResponse hostile() {
        return new AwsSignInResponse("111111111111", HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE,
                Duration.ofHours(1), URI.create("https://signin.aws.amazon.com/saml?a=1&b=%22%3E"), "_a",
                Instant.EPOCH, "<x>" + HOSTILE + "</x>");
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void autoPostHtmlWhenValuesHostileThenOnlyOurScriptAndFormExist() {
        String html = hostile().autoPostHtml();

        assertThat(count(html.toLowerCase(), "<script")).isEqualTo(1);
        assertThat(count(html, "<form")).isEqualTo(1);
        assertThat(count(html, "<input")).isEqualTo(1);
        assertThat(html).doesNotContain("alert('x')").doesNotContain("\u0000")
                .contains("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;&#39;")
                .contains("action=\"https://signin.aws.amazon.com/saml?a=1&amp;b=%22%3E\"");
    }

    @Test
    void autoPostHtmlWhenRenderedThenSamlResponseFieldHoldsTheBase64OfTheXml() {
        AwsSignInResponse response = hostile();
        Matcher value = Pattern.compile("name=\"SAMLResponse\" value=\"([^\"]*)\"").matcher(response.autoPostHtml());

        assertThat(value.find()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(value.group(1)), StandardCharsets.UTF_8))
                .isEqualTo(response.samlResponseXml());
    }

    @Test
    void autoPostHtmlWhenNonceHostileThenEscapedInsideTheAttribute() {
        String html = hostile().autoPostHtml("n0nce\"><script>alert(2)</script>");

        assertThat(count(html.toLowerCase(), "<script")).isEqualTo(1);
        assertThat(html).contains("<script nonce=\"n0nce&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\">");
    }

    @Test
    void autoPostHtmlWhenRenderedThenVisibleButtonAndNoInlineHandler() {
        String html = hostile().autoPostHtml();

        assertThat(html).contains("<button type=\"submit\">Continue to AWS</button>").contains("<noscript>")
                .doesNotContain("onload").doesNotContain("onclick");
    }

    @Test
    void scriptCspHashWhenComputedThenMatchesTheScriptInThePage() throws Exception {
        String html = hostile().autoPostHtml();
        Matcher script = Pattern.compile("<script>(.*?)</script>").matcher(html);

        assertThat(script.find()).isTrue();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8));
        assertThat(AwsSignInResponse.SCRIPT_CSP_HASH)
                .isEqualTo("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
    }

    @Test
    void autoPostHtmlWhenAccountNameFromPolicyIsHostileThenEscaped() {
        AwsSignIn signIn = SignInFixtures.builder().policy(PolicyLoader.defaults().parse("""
                {"organization": {"id": "r-root", "name": "Root",
                   "accounts": [{"id": "111111111111", "name": "\\"><img src=x onerror=alert(1)>&"}], "units": []},
                 "permissionSets": [{"name": "ReadOnlyAccess", "sessionDuration": "PT1H"}],
                 "assignments": [{"group": "%s", "target": "r-root", "permissionSet": "ReadOnlyAccess"}]}
                """.formatted(Policies.READERS))).build();

        String html = signIn.signIn(SignInFixtures.reader().build(), "111111111111", "ReadOnlyAccess").autoPostHtml();

        assertThat(html).doesNotContain("<img").contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"&", "<", ">", "\"", "'"})
    void escapeWhenMarkupCharacterThenEntity(String c) {
        assertThat(Html.escape("a" + c + "b")).doesNotContain(c.equals("&") ? "a&b" : c);
    }
}
