package dev.fedbroker.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class AppUrlsTest {

    private static SampleSettings settings(String mode, String baseUrl) {
        return new SampleSettings(mode, baseUrl, null, null, null, null, null, null);
    }

    @Test
    void fromWhenDevWithoutBaseUrlThenLocalhostOnThePort() {
        AppUrls urls = AppUrls.from(settings("dev", null), 8080);

        assertThat(urls.base()).hasToString("http://localhost:8080");
        assertThat(urls.spEntityId()).isEqualTo("http://localhost:8080/saml");
        assertThat(urls.acs()).isEqualTo("http://localhost:8080/saml/acs");
        assertThat(urls.awsIdpEntityId()).isEqualTo("http://localhost:8080/saml/idp");
        assertThat(urls.https()).isFalse();
    }

    @Test
    void fromWhenBaseUrlAndExplicitSpSettingsThenThoseWin() {
        SampleSettings s = new SampleSettings("azure", "https://broker.example.com/", null, null,
                new SampleSettings.Sp("spn:1234", "https://broker.example.com/acs", null, null, null, null, false),
                null, null, null);

        AppUrls urls = AppUrls.from(s, 0);

        assertThat(urls.base()).hasToString("https://broker.example.com");
        assertThat(urls.spEntityId()).isEqualTo("spn:1234");
        assertThat(urls.acs()).isEqualTo("https://broker.example.com/acs");
        assertThat(urls.https()).isTrue();
    }

    @Test
    void fromWhenAzureWithoutBaseUrlThenRefusedNamingTheSetting() {
        assertThatIllegalStateException().isThrownBy(() -> AppUrls.from(settings("azure", ""), 8080))
                .withMessageContaining("FEDBROKER_BASE_URL");
    }

    @Test
    void fromWhenRandomPortWithoutBaseUrlThenRefused() {
        assertThatIllegalStateException().isThrownBy(() -> AppUrls.from(settings("dev", null), 0))
                .withMessageContaining("FEDBROKER_BASE_URL");
    }

    @Test
    void fromWhenBaseUrlHasAPathOrQueryThenRefused() {
        for (String bad : new String[] {"https://broker.example.com/app", "https://broker.example.com?x=1",
                "ftp://broker.example.com"}) {
            assertThatIllegalStateException().as(bad).isThrownBy(() -> AppUrls.from(settings("azure", bad), 0));
        }
    }

    @Test
    void settingsWhenModeMisspeltThenRefusedNamingTheChoices() {
        assertThatIllegalStateException().isThrownBy(() -> settings("prod", null))
                .withMessageContaining("'dev' or 'azure'");
    }

    @Test
    void settingsWhenPrintedThenSecretsAreMasked() {
        SampleSettings s = new SampleSettings("dev", null, null, "scim-secret-value-123", null, null, null,
                new SampleSettings.Jdbc("jdbc:h2:mem:x", "sa", "db-password"));

        assertThat(s.toString()).doesNotContain("scim-secret-value-123", "db-password").contains("jdbc:h2:mem:x");
    }
}
