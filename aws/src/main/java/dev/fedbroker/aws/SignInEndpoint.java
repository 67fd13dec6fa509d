package dev.fedbroker.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the broker posts a sign-in response for an account: AWS's SAML sign-in endpoint, which is also the
 * Destination, the Recipient and the {@code SAML:aud} that the account's roles check, and the partition its ARNs live
 * in. Immutable; thread-safe.
 *
 * @param url       an absolute {@code https} URL, e.g. {@code https://signin.aws.amazon.com/saml}
 * @param partition the partition of the accounts that sign in there
 */
public record SignInEndpoint(URI url, AwsPartition partition) {

    /** The global (us-east-1) endpoint of the commercial partition: the default. */
    public static final SignInEndpoint GLOBAL = of("https://signin.aws.amazon.com/saml", AwsPartition.AWS);
    /** The China partition's endpoint. */
    public static final SignInEndpoint CHINA = of("https://signin.amazonaws.cn/saml", AwsPartition.AWS_CN);
    /** AWS GovCloud (US)'s endpoint. */
    public static final SignInEndpoint GOV_CLOUD = of("https://signin.amazonaws-us-gov.com/saml",
            AwsPartition.AWS_US_GOV);

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

    public SignInEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(partition, "partition");
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getRawUserInfo() != null
                || url.getRawFragment() != null) {
            throw new IllegalArgumentException("A sign-in endpoint must be an https URL with a host and without user "
                    + "info or fragment, e.g. https://signin.aws.amazon.com/saml; found '" + url + "'");
        }
    }

    /** An endpoint from its URL text, e.g. a per-provider one ending in {@code /saml/acs/<IdP-ID>}. */
    public static SignInEndpoint of(String url, AwsPartition partition) {
        return new SignInEndpoint(URI.create(url), partition);
    }

    /**
     * The regional endpoint of the commercial partition, {@code https://<region>.signin.aws.amazon.com/saml}.
     *
     * @param region e.g. {@code eu-west-1}; China and GovCloud regions are refused (use {@link #CHINA},
     *               {@link #GOV_CLOUD} or {@link #of})
     */
    public static SignInEndpoint regional(String region) {
        Objects.requireNonNull(region, "region");
        String r = region.toLowerCase(Locale.ROOT);
        if (!REGION.matcher(r).matches() || r.startsWith("cn-") || r.startsWith("us-gov-")) {
            throw new IllegalArgumentException("'" + region + "' is not a commercial AWS region such as eu-west-1; "
                    + "for China or GovCloud use SignInEndpoint.CHINA, SignInEndpoint.GOV_CLOUD or SignInEndpoint.of");
        }
        return of("https://" + r + ".signin.aws.amazon.com/saml", AwsPartition.AWS);
    }

    /** The URL as text, exactly as written into responses and trust policies. */
    public String urlText() {
        return url.toString();
    }
}
