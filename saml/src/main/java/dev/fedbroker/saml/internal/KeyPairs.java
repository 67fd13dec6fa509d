package dev.fedbroker.saml.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** Whether a private key belongs to a certificate (checked once, at build time). */
public final class KeyPairs {

    private KeyPairs() {
    }

    public static boolean matches(PrivateKey key, X509Certificate certificate) {
        var pub = certificate.getPublicKey();
        if (key instanceof RSAPrivateCrtKey crt && pub instanceof RSAPublicKey rsa) {
            return crt.getModulus().equals(rsa.getModulus()) && crt.getPublicExponent().equals(rsa.getPublicExponent());
        }
        if (key instanceof RSAPrivateKey rsaKey && pub instanceof RSAPublicKey rsa) {
            return rsaKey.getModulus().equals(rsa.getModulus());
        }
        if (key instanceof ECPrivateKey && pub instanceof ECPublicKey) {
            return true; // EC keys cannot transport an AES key in XML Encryption here; accepted but never used
        }
        return false;
    }
}
