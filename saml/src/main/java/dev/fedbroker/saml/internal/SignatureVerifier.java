package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.apache.xml.security.c14n.implementations.Canonicalizer20010315ExclOmitComments;
import org.w3c.dom.Element;

/**
 * A strict enveloped-signature verifier that lets nothing in the message choose what is verified or with which key.
 * The signature must be a direct child of the element it signs, with exactly one Reference whose URI is {@code #}
 * + that element's ID, transforms exactly [enveloped-signature, exclusive C14N], exclusive C14N (without comments) for
 * SignedInfo, and allow-listed algorithms. The digest is computed here over the element minus its signature and
 * compared in constant time; SignedInfo is verified with {@link java.security.Signature} and only the configured keys
 * (KeyInfo is read only to word the message, never trusted). No Santuario reference resolution is involved.
 *
 * <p>Immutable and thread-safe.
 */
public final class SignatureVerifier {

    private static final String EC_NS = Names.EXC_C14N;

    private final List<PublicKey> keys;
    private final List<byte[]> encodedCertificates;
    private final boolean allowSha1;

    public SignatureVerifier(List<X509Certificate> trusted, boolean allowSha1) {
        this.keys = trusted.stream().map(X509Certificate::getPublicKey).toList();
        List<byte[]> encoded = new ArrayList<>();
        for (X509Certificate c : trusted) {
            try {
                encoded.add(c.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("An IdP certificate cannot be encoded", e);
            }
        }
        this.encodedCertificates = List.copyOf(encoded);
        this.allowSha1 = allowSha1;
        XmlSecurity.init();
    }

    /** Verifies {@code signature}, a direct child of {@code signed}, or throws with the precise reason. */
    public void verify(Element signed, Element signature) {
        if (signature.getParentNode() != signed) {
            throw new SamlValidationException(Reason.SIGNATURE_WRAPPING, "The signature is not a direct child of the "
                    + signed.getLocalName() + " it claims to sign.");
        }
        List<Element> parts = Dom.elements(signature);
        if (parts.size() < 2 || !Dom.is(parts.get(0), Names.DSIG, "SignedInfo")
                || !Dom.is(parts.get(1), Names.DSIG, "SignatureValue")) {
            throw invalid("ds:Signature must start with SignedInfo then SignatureValue.");
        }
        for (Element extra : parts.subList(2, parts.size())) {
            if (!Dom.is(extra, Names.DSIG, "KeyInfo") || extra != parts.get(2)) {
                throw new SamlValidationException(Reason.SIGNATURE_WRAPPING, "ds:Signature contains "
                        + Log.clip(extra.getLocalName(), 100) + "; only SignedInfo, SignatureValue and KeyInfo are"
                        + " accepted (ds:Object is a classic hiding place for wrapped content).");
            }
        }
        Element signedInfo = parts.get(0);
        List<Element> si = Dom.elements(signedInfo);
        if (si.size() < 3 || !Dom.is(si.get(0), Names.DSIG, "CanonicalizationMethod")
                || !Dom.is(si.get(1), Names.DSIG, "SignatureMethod")) {
            throw invalid("SignedInfo must hold CanonicalizationMethod, SignatureMethod and one Reference.");
        }
        if (si.size() != 3 || !Dom.is(si.get(2), Names.DSIG, "Reference")) {
            throw new SamlValidationException(Reason.SIGNATURE_WRAPPING, "SignedInfo holds " + (si.size() - 2)
                    + " entries after SignatureMethod; exactly one Reference, to the signed "
                    + signed.getLocalName() + ", is accepted.");
        }
        String signedInfoPrefixes = c14nPrefixes(si.get(0), "CanonicalizationMethod");
        Element signatureMethod = si.get(1);
        if (!Dom.elements(signatureMethod).isEmpty()) {
            throw new SamlValidationException(Reason.WEAK_ALGORITHM, "SignatureMethod parameters (such as"
                    + " HMACOutputLength) are not accepted.");
        }
        SignatureAlgorithms.SignatureAlgorithm algorithm = SignatureAlgorithms.signature(
                Dom.attribute(signatureMethod, "Algorithm").orElse(""), allowSha1);
        byte[] expectedDigest = checkReference(signed, signature, si.get(2));
        byte[] signatureValue = decode(parts.get(1), "SignatureValue");
        byte[] canonicalSignedInfo = canonicalize(signedInfo, signedInfoPrefixes, null);
        if (!verifyWithTrustedKeys(algorithm, canonicalSignedInfo, signatureValue)) {
            boolean keyInfoIsTrusted = parts.size() == 3 && keyInfoCertificate(parts.get(2))
                    .map(c -> encodedCertificates.stream().anyMatch(t -> Arrays.equals(t, c))).orElse(false);
            if (keyInfoIsTrusted) {
                throw invalid("The SignatureValue of the " + signed.getLocalName() + " does not verify with the"
                        + " IdP certificate it names: the message was altered after signing.");
            }
            throw new SamlValidationException(Reason.UNTRUSTED_KEY, "The " + signed.getLocalName() + " signature"
                    + " does not verify with any of the " + keys.size() + " configured IdP signing certificate(s)."
                    + " If Azure AD rolled over its signing certificate, refresh the IdP metadata (App Federation"
                    + " Metadata Url) or add the new certificate; certificates in the message are never trusted.");
        }
        if (!MessageDigest.isEqual(expectedDigest, digestOf(signed, signature, si.get(2)))) {
            throw invalid("The digest of the " + signed.getLocalName() + " does not match its signature: the"
                    + " content was altered after signing (or re-indented).");
        }
    }

    private byte[] checkReference(Element signed, Element signature, Element reference) {
        String id = Dom.attribute(signed, "ID").orElse("");
        Optional<String> uri = Dom.attribute(reference, "URI");
        if (id.isEmpty() || uri.isEmpty() || !uri.get().equals("#" + id)) {
            throw new SamlValidationException(Reason.SIGNATURE_WRAPPING, "The signature's Reference URI must be '#'"
                    + " followed by the ID of the " + signed.getLocalName() + " that contains it; found "
                    + (uri.isEmpty() ? "no URI" : uri.get().isEmpty() ? "an empty URI (whole document)"
                    : "a reference to another element") + ". Refused (signature wrapping).");
        }
        List<Element> parts = Dom.elements(reference);
        if (parts.size() != 3 || !Dom.is(parts.get(0), Names.DSIG, "Transforms")
                || !Dom.is(parts.get(1), Names.DSIG, "DigestMethod") || !Dom.is(parts.get(2), Names.DSIG, "DigestValue")) {
            throw new SamlValidationException(Reason.UNSUPPORTED_TRANSFORM, "The Reference must hold Transforms"
                    + " [enveloped-signature, exclusive C14N], DigestMethod and DigestValue.");
        }
        List<Element> transforms = Dom.elements(parts.get(0));
        if (transforms.size() != 2 || !transforms.stream().allMatch(t -> Dom.is(t, Names.DSIG, "Transform"))
                || !Names.ENVELOPED.equals(Dom.attribute(transforms.get(0), "Algorithm").orElse(""))
                || !Dom.elements(transforms.get(0)).isEmpty()) {
            throw new SamlValidationException(Reason.UNSUPPORTED_TRANSFORM, "Only the transforms [enveloped-signature,"
                    + " exclusive C14N] are accepted (XPath, XSLT, base64 and other transforms are refused).");
        }
        c14nPrefixes(transforms.get(1), "Transform");
        if (!Dom.elements(parts.get(1)).isEmpty()) {
            throw new SamlValidationException(Reason.WEAK_ALGORITHM, "DigestMethod parameters are not accepted.");
        }
        SignatureAlgorithms.digest(Dom.attribute(parts.get(1), "Algorithm").orElse(""), allowSha1);
        return decode(parts.get(2), "DigestValue");
    }

    private byte[] digestOf(Element signed, Element signature, Element reference) {
        List<Element> parts = Dom.elements(reference);
        String prefixes = c14nPrefixes(Dom.elements(parts.get(0)).get(1), "Transform");
        String jca = SignatureAlgorithms.digest(Dom.attribute(parts.get(1), "Algorithm").orElse(""), allowSha1);
        try {
            MessageDigest md = MessageDigest.getInstance(jca);
            canonicalizeInto(signed, prefixes, signature, new DigestStream(md));
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks " + jca, e);
        }
    }

    /** Exclusive C14N without comments, optionally with an InclusiveNamespaces PrefixList; anything else refused. */
    private static String c14nPrefixes(Element method, String what) {
        if (!Names.EXC_C14N.equals(Dom.attribute(method, "Algorithm").orElse(""))) {
            throw new SamlValidationException(Reason.UNSUPPORTED_TRANSFORM, what + " must be exclusive C14N without"
                    + " comments (" + Names.EXC_C14N + "); found '"
                    + Log.clip(Dom.attribute(method, "Algorithm").orElse(""), 200) + "'.");
        }
        List<Element> params = Dom.elements(method);
        if (params.isEmpty()) {
            return null;
        }
        if (params.size() != 1 || !Dom.is(params.get(0), EC_NS, "InclusiveNamespaces")) {
            throw new SamlValidationException(Reason.UNSUPPORTED_TRANSFORM, what + " may only carry an"
                    + " InclusiveNamespaces PrefixList.");
        }
        return Dom.attribute(params.get(0), "PrefixList").orElse("");
    }

    private boolean verifyWithTrustedKeys(SignatureAlgorithms.SignatureAlgorithm algorithm, byte[] data, byte[] value) {
        for (PublicKey key : keys) {
            if (!algorithm.keyType().equals(key.getAlgorithm())) {
                continue;
            }
            try {
                Signature s = Signature.getInstance(algorithm.jcaName());
                s.initVerify(key);
                s.update(data);
                if (s.verify("EC".equals(algorithm.keyType()) ? rawToDer(value) : value)) {
                    return true;
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // a malformed value or a mismatched key: this key does not verify it
            }
        }
        return false;
    }

    private static byte[] canonicalize(Element e, String prefixes, Element exclude) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        canonicalizeInto(e, prefixes, exclude, out);
        return out.toByteArray();
    }

    private static void canonicalizeInto(Element e, String prefixes, Element exclude, OutputStream out) {
        try {
            new Canonicalizer20010315ExclOmitComments().engineCanonicalizeSubTree(e, prefixes, exclude, out);
        } catch (CanonicalizationException ex) {
            throw new SamlValidationException(Reason.SIGNATURE_INVALID, "The signed content cannot be canonicalized.", ex);
        }
    }

    private static Optional<byte[]> keyInfoCertificate(Element keyInfo) {
        return Dom.child(keyInfo, Names.DSIG, "X509Data").flatMap(d -> Dom.child(d, Names.DSIG, "X509Certificate"))
                .map(c -> StrictBase64.xmlValue(c).orElse(new byte[0]));
    }

    private static byte[] decode(Element value, String what) {
        return StrictBase64.xmlValue(value).orElseThrow(() -> invalid(what + " is not plain base64 text."));
    }

    /** XML-DSig ECDSA values are r||s; the JDK wants an ASN.1 SEQUENCE of two INTEGERs. */
    static byte[] rawToDer(byte[] raw) {
        if (raw.length == 0 || raw.length % 2 != 0 || raw.length > 132) {
            throw new IllegalArgumentException("bad ECDSA signature length");
        }
        int half = raw.length / 2;
        byte[] r = new BigInteger(1, Arrays.copyOfRange(raw, 0, half)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, half, raw.length)).toByteArray();
        int body = 2 + r.length + 2 + s.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(body + 3);
        out.write(0x30);
        if (body > 127) {
            out.write(0x81);
        }
        out.write(body);
        out.write(0x02);
        out.write(r.length);
        out.write(r, 0, r.length);
        out.write(0x02);
        out.write(s.length);
        out.write(s, 0, s.length);
        return out.toByteArray();
    }

    private static SamlValidationException invalid(String message) {
        return new SamlValidationException(Reason.SIGNATURE_INVALID, message);
    }

    /** Streams canonical bytes straight into the digest (no intermediate copy of the whole assertion). */
    private static final class DigestStream extends OutputStream {
        private final MessageDigest md;

        DigestStream(MessageDigest md) {
            this.md = md;
        }

        @Override
        public void write(int b) {
            md.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            md.update(b, off, len);
        }
    }
}
