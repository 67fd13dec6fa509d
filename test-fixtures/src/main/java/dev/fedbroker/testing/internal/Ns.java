package dev.fedbroker.testing.internal;

/** XML namespace URIs used by Azure AD's SAML messages and metadata. Constants only; thread-safe. */
public final class Ns {
    public static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    public static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String FED = "http://docs.oasis-open.org/wsfed/federation/200706";
    public static final String AUTH = "http://docs.oasis-open.org/wsfed/authorization/200706";
    public static final String WSA = "http://www.w3.org/2005/08/addressing";

    private Ns() {
    }
}
