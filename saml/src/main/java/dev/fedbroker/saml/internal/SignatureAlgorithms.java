package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.util.Map;

/** The allow-list of XML-DSig signature and digest algorithms, mapped to JCA names. SHA-1 only when opted in. */
final class SignatureAlgorithms {

    record SignatureAlgorithm(String jcaName, String keyType) { }

    private static final Map<String, SignatureAlgorithm> SIGNATURES = Map.of(
            Names.RSA_SHA256, new SignatureAlgorithm("SHA256withRSA", "RSA"),
            Names.RSA_SHA384, new SignatureAlgorithm("SHA384withRSA", "RSA"),
            Names.RSA_SHA512, new SignatureAlgorithm("SHA512withRSA", "RSA"),
            Names.ECDSA_SHA256, new SignatureAlgorithm("SHA256withECDSA", "EC"),
            Names.ECDSA_SHA384, new SignatureAlgorithm("SHA384withECDSA", "EC"),
            Names.ECDSA_SHA512, new SignatureAlgorithm("SHA512withECDSA", "EC"));
    private static final SignatureAlgorithm RSA_SHA1 = new SignatureAlgorithm("SHA1withRSA", "RSA");

    private static final Map<String, String> DIGESTS = Map.of(
            Names.SHA256, "SHA-256", Names.SHA384, "SHA-384", Names.SHA512, "SHA-512");

    private SignatureAlgorithms() {
    }

    static SignatureAlgorithm signature(String uri, boolean allowSha1) {
        SignatureAlgorithm a = SIGNATURES.get(uri);
        if (a != null) {
            return a;
        }
        if (Names.RSA_SHA1.equals(uri)) {
            if (allowSha1) {
                return RSA_SHA1;
            }
            throw new SamlValidationException(Reason.WEAK_ALGORITHM, "The signature uses RSA-SHA1, which is refused"
                    + " by default. Set the Azure enterprise app's signing algorithm to SHA-256 (Single sign-on >"
                    + " SAML Certificates), or opt in with ServiceProvider.builder().allowSha1(true).");
        }
        throw new SamlValidationException(Reason.WEAK_ALGORITHM, "Signature algorithm '"
                + Log.clip(uri, 200) + "' is not accepted; expected RSA-SHA256/384/512 or ECDSA-SHA256/384/512.");
    }

    static String digest(String uri, boolean allowSha1) {
        String a = DIGESTS.get(uri);
        if (a != null) {
            return a;
        }
        if (Names.SHA1.equals(uri)) {
            if (allowSha1) {
                return "SHA-1";
            }
            throw new SamlValidationException(Reason.WEAK_ALGORITHM, "The reference digest uses SHA-1, which is refused"
                    + " by default. Set the Azure enterprise app's signing algorithm to SHA-256, or opt in with"
                    + " ServiceProvider.builder().allowSha1(true).");
        }
        throw new SamlValidationException(Reason.WEAK_ALGORITHM, "Digest algorithm '"
                + Log.clip(uri, 200) + "' is not accepted;"
                + " expected SHA-256, SHA-384 or SHA-512.");
    }
}
