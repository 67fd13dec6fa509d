package dev.fedbroker.aws;

import static dev.fedbroker.aws.SignInFixtures.DEPARTMENT;
import static dev.fedbroker.aws.SignInFixtures.builder;
import static dev.fedbroker.aws.SignInFixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.fedbroker.aws.AwsSignInException.Reason;
import dev.fedbroker.core.Identity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SessionTagsTest {

    private static final String A = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String TAG = "https://aws.amazon.com/SAML/Attributes/PrincipalTag:";
    private static final String TRANSITIVE = "https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys";
    private static final String COST_CENTER = "urn:example:costcenter";

    private static final AwsSignIn TAGGING = builder().sessionTag("department", DEPARTMENT)
            .sessionTag("cost-center", COST_CENTER).transitiveTagKeys("department").build();

    private static List<String> values(String xml, String attributeName) {
        Document document = JdkSignatureVerifier.parse(xml);
        NodeList attributes = document.getElementsByTagNameNS(A, "Attribute");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (attribute.getAttribute("Name").equals(attributeName)) {
                NodeList v = attribute.getElementsByTagNameNS(A, "AttributeValue");
                for (int j = 0; j < v.getLength(); j++) {
                    values.add(v.item(j).getTextContent());
                }
            }
        }
        return values;
    }

    private static AwsSignInResponse signIn(Identity identity) {
        return TAGGING.signIn(identity, Policies.SANDBOX, "Billing");
    }

    @Test
    void signInWhenTagValuesValidThenPrincipalTagsAndTransitiveKeysSent() {
        String xml = signIn(reader().attribute(DEPARTMENT, List.of("Research and Development: EU/1"))
                .attribute(COST_CENTER, List.of("4711")).build()).samlResponseXml();

        assertThat(values(xml, TAG + "department")).containsExactly("Research and Development: EU/1");
        assertThat(values(xml, TAG + "cost-center")).containsExactly("4711");
        assertThat(values(xml, TRANSITIVE)).containsExactly("department");
    }

    @Test
    void signInWhenAttributeMissingThenTagAndItsTransitiveKeyLeftOut() {
        String xml = signIn(reader().attribute(COST_CENTER, List.of("")).build()).samlResponseXml();

        assertThat(values(xml, TAG + "department")).isEmpty();
        assertThat(values(xml, TAG + "cost-center")).containsExactly("");
        assertThat(values(xml, TRANSITIVE)).isEmpty();
    }

    @Test
    void signInWhenTagValueOutsideCharsetThenRefusedInvalidSessionTag() {
        assertThatExceptionOfType(AwsSignInException.class)
                .isThrownBy(() -> signIn(reader().attribute(DEPARTMENT, List.of("R&D")).build()))
                .extracting(AwsSignInException::reason).isEqualTo(Reason.INVALID_SESSION_TAG);
    }

    @Test
    void signInWhenTagValueHasSeveralValuesThenRefusedInvalidSessionTag() {
        assertThatExceptionOfType(AwsSignInException.class)
                .isThrownBy(() -> signIn(reader().attribute(DEPARTMENT, List.of("a", "b")).build()))
                .extracting(AwsSignInException::reason).isEqualTo(Reason.INVALID_SESSION_TAG);
    }

    @Test
    void signInWhenTagValueAtLimitThenSentAndBeyondThenRefused() {
        String xml = signIn(reader().attribute(DEPARTMENT, List.of("é".repeat(256))).build()).samlResponseXml();

        assertThat(values(xml, TAG + "department")).containsExactly("é".repeat(256));
        assertThatExceptionOfType(AwsSignInException.class)
                .isThrownBy(() -> signIn(reader().attribute(DEPARTMENT, List.of("x".repeat(257))).build()))
                .extracting(AwsSignInException::reason).isEqualTo(Reason.INVALID_SESSION_TAG);
    }

    @Test
    void buildWhenTagKeyLengthAtLimitThenAcceptedAndBeyondThenRejected() {
        assertThat(builder().sessionTag("k".repeat(128), DEPARTMENT).build()).isNotNull();
        assertThatIllegalArgumentException().isThrownBy(() -> builder().sessionTag("k".repeat(129), DEPARTMENT)
                .build());
        assertThatIllegalArgumentException().isThrownBy(() -> builder().sessionTag("", DEPARTMENT).build());
    }

    @Test
    void buildWhenMoreThanFiftyTagsThenRejected() {
        AwsSignInBuilder fifty = builder();
        for (int i = 0; i < 50; i++) {
            fifty.sessionTag("tag" + i, DEPARTMENT);
        }
        assertThat(fifty.build()).isNotNull();

        AwsSignInBuilder fiftyOne = builder();
        for (int i = 0; i < 51; i++) {
            fiftyOne.sessionTag("tag" + i, DEPARTMENT);
        }
        assertThatIllegalArgumentException().isThrownBy(fiftyOne::build);
    }

    @Test
    void buildWhenTagKeyInvalidThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> builder().sessionTag("aws:team", DEPARTMENT).build());
        assertThatIllegalArgumentException().isThrownBy(() -> builder().sessionTag("AWS:team", DEPARTMENT).build());
        assertThatIllegalArgumentException().isThrownBy(() -> builder().sessionTag("team<1>", DEPARTMENT).build());
        assertThatIllegalArgumentException().isThrownBy(() -> builder().sessionTag("Team", DEPARTMENT)
                .sessionTag("team", COST_CENTER).build());
    }

    @Test
    void buildWhenTransitiveKeyNotATagThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> builder().sessionTag("department", DEPARTMENT)
                .transitiveTagKeys("team").build());
    }
}
