package dev.fedbroker.aws.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Signs one element (the assertion) with an enveloped XML signature: RSA-SHA256, SHA-256 digest, exclusive
 * canonicalization, the certificate in KeyInfo. Uses Apache Santuario. Thread-safe: keys are immutable and every
 * call builds its own signature objects.
 */
public final class AssertionSigner {

    static final String RSA_SHA256 = XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;
    static final String SHA256_DIGEST = "http://www.w3.org/2001/04/xmlenc#sha256";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    public AssertionSigner(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        if (!"RSA".equals(privateKey.getAlgorithm()) || !(certificate.getPublicKey() instanceof RSAPublicKey)) {
            throw new IllegalArgumentException("The broker's signing key must be an RSA key with its certificate "
                    + "(found key algorithm " + privateKey.getAlgorithm() + ", certificate key "
                    + certificate.getPublicKey().getAlgorithm() + "): AWS expects RSA-SHA256 signatures.");
        }
        requireMatchingPair(privateKey, certificate);
        Init.init();
    }

    /**
     * Santuario wraps base64 at 76 characters with CR LF, which serializes as {@code &#13;}. SignatureValue and the
     * KeyInfo certificate are outside what the signature covers, so their whitespace can go; SignedInfo is left as
     * signed.
     */
    private static void compactBase64(Element signature) {
        for (String name : new String[] {"SignatureValue", "X509Certificate"}) {
            NodeList nodes = signature.getElementsByTagNameNS(SamlXml.DSIG_NS, name);
            for (int i = 0; i < nodes.getLength(); i++) {
                Node node = nodes.item(i);
                node.setTextContent(WHITESPACE.matcher(node.getTextContent()).replaceAll(""));
            }
        }
    }

    /** Fails fast when the key does not belong to the certificate (AWS would reject every sign-in later). */
    private static void requireMatchingPair(PrivateKey privateKey, X509Certificate certificate) {
        try {
            byte[] probe = "fedbroker key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] value = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(value)) {
                throw new IllegalArgumentException("The broker's signing key does not match its certificate ("
                        + certificate.getSubjectX500Principal() + "): give the private key of that certificate.");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The broker's signing key cannot sign with SHA256withRSA: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Signs {@code element}, whose {@code ID} attribute is {@code id}, and puts the Signature right after its first
     * child (the Issuer), where the SAML schema wants it.
     */
    public void signEnveloped(Element element, String id) {
        try {
            element.setIdAttributeNS(null, "ID", true);
            XMLSignature signature = new XMLSignature(element.getOwnerDocument(), "", RSA_SHA256,
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            Node issuer = element.getFirstChild();
            element.insertBefore(signature.getElement(), issuer == null ? null : issuer.getNextSibling());
            Transforms transforms = new Transforms(element.getOwnerDocument());
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + id, transforms, SHA256_DIGEST);
            signature.addKeyInfo(certificate);
            signature.sign(privateKey);
            compactBase64(signature.getElement());
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("Could not sign the assertion: " + e.getMessage(), e);
        }
    }
}
