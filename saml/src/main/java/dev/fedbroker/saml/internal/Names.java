package dev.fedbroker.saml.internal;

/** Namespace and algorithm URIs used by the validator. Constants only. */
final class Names {
    static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";
    static final String DSIG_MORE = "http://www.w3.org/2001/04/xmldsig-more#";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    static final String STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    static final String ENTITY_FORMAT = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";

    static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    static final String RSA_SHA256 = DSIG_MORE + "rsa-sha256";
    static final String RSA_SHA384 = DSIG_MORE + "rsa-sha384";
    static final String RSA_SHA512 = DSIG_MORE + "rsa-sha512";
    static final String ECDSA_SHA256 = DSIG_MORE + "ecdsa-sha256";
    static final String ECDSA_SHA384 = DSIG_MORE + "ecdsa-sha384";
    static final String ECDSA_SHA512 = DSIG_MORE + "ecdsa-sha512";

    static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    static final String SHA384 = DSIG_MORE + "sha384";
    static final String SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";

    static final String RSA_OAEP_MGF1P = XENC + "rsa-oaep-mgf1p";
    static final String RSA_OAEP = XENC11 + "rsa-oaep";
    static final String RSA_1_5 = XENC + "rsa-1_5";
    static final String AES128_CBC = XENC + "aes128-cbc";
    static final String AES192_CBC = XENC + "aes192-cbc";
    static final String AES256_CBC = XENC + "aes256-cbc";
    static final String AES128_GCM = XENC11 + "aes128-gcm";
    static final String AES192_GCM = XENC11 + "aes192-gcm";
    static final String AES256_GCM = XENC11 + "aes256-gcm";
    static final String MGF1_SHA1 = XENC11 + "mgf1sha1";
    static final String MGF1_SHA224 = XENC11 + "mgf1sha224";
    static final String MGF1_SHA256 = XENC11 + "mgf1sha256";
    static final String MGF1_SHA384 = XENC11 + "mgf1sha384";
    static final String MGF1_SHA512 = XENC11 + "mgf1sha512";

    private Names() {
    }
}
