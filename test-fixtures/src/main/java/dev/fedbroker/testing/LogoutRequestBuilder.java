package dev.fedbroker.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.fedbroker.testing.internal.Dom;
import dev.fedbroker.testing.internal.Ns;
import dev.fedbroker.testing.internal.XmlText;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds an IdP-initiated {@code samlp:LogoutRequest} (Azure AD sends one to every other session participant when a
 * user signs out elsewhere) for the HTTP-Redirect binding: Issuer {@code https://login.microsoftonline.com/<tenant>/},
 * NameID {@code alice@contoso.example} (emailAddress), no SessionIndex unless set, no Destination attribute unless
 * set, the query string signed with the IdP's key with lower-case %-escapes. Not thread-safe.
 */
public final class LogoutRequestBuilder {

    private final TestIdentityProvider idp;
    private final RedirectSending sending;
    private String id = "_" + UUID.randomUUID();
    private String issuer;
    private String destination;
    private String nameId = "alice@contoso.example";
    private String nameIdFormat = AzureClaims.NAMEID_EMAIL;
    private final List<String> sessionIndexes = new ArrayList<>();
    private Instant issueInstant;
    private Instant notOnOrAfter;

    LogoutRequestBuilder(TestIdentityProvider idp) {
        this.idp = Objects.requireNonNull(idp, "idp");
        this.sending = new RedirectSending(idp.signingCredential());
        this.issuer = idp.logoutIssuer();
    }

    /** The request ID (default {@code _} + a random UUID). */
    public LogoutRequestBuilder id(String v) { id = Objects.requireNonNull(v, "id"); return this; }

    /** The Issuer (default {@code https://login.microsoftonline.com/<tenant>/}). */
    public LogoutRequestBuilder issuer(String v) { issuer = Objects.requireNonNull(v, "issuer"); return this; }

    /** Writes a Destination attribute with this value (none by default). */
    public LogoutRequestBuilder destination(String v) { destination = Objects.requireNonNull(v, "d"); return this; }

    /** The NameID of the user to sign out; null leaves the NameID out. */
    public LogoutRequestBuilder nameId(String v) { nameId = v; return this; }

    /** The NameID Format (default emailAddress). */
    public LogoutRequestBuilder nameIdFormat(String v) { nameIdFormat = Objects.requireNonNull(v, "f"); return this; }

    /** Adds a SessionIndex (e.g. the assertion ID Azure used as SessionIndex). */
    public LogoutRequestBuilder sessionIndex(String v) {
        sessionIndexes.add(Objects.requireNonNull(v, "sessionIndex"));
        return this;
    }

    /** The IssueInstant (default the IdP clock's now). */
    public LogoutRequestBuilder issueInstant(Instant v) { issueInstant = Objects.requireNonNull(v, "i"); return this; }

    /** A NotOnOrAfter attribute (none by default). */
    public LogoutRequestBuilder notOnOrAfter(Instant v) { notOnOrAfter = Objects.requireNonNull(v, "n"); return this; }

    /** The RelayState (none by default). */
    public LogoutRequestBuilder relayState(String v) { sending.relayState = v; return this; }

    /** The SP logout URL the redirect goes to (default {@link TestIdentityProvider#DEFAULT_SLO_URL}). */
    public LogoutRequestBuilder sendTo(String url) { sending.sendTo = Objects.requireNonNull(url, "url"); return this; }

    /** Sign the query string with this credential instead of the IdP's. */
    public LogoutRequestBuilder signWith(TestCredential c) {
        sending.credential = Objects.requireNonNull(c, "credential");
        sending.signed = true;
        return this;
    }

    /** No SigAlg and Signature parameters. */
    public LogoutRequestBuilder unsigned() { sending.signed = false; return this; }

    /** The SigAlg URI (default RSA-SHA256). */
    public LogoutRequestBuilder sigAlg(String uri) { sending.sigAlg = Objects.requireNonNull(uri, "s"); return this; }

    /** Lower-case %-escapes as Azure AD writes them (default true). */
    public LogoutRequestBuilder lowerCaseEscapes(boolean v) { sending.lowerCaseEscapes = v; return this; }

    /** The request ID this builder writes. */
    public String id() {
        return id;
    }

    /** The request XML. */
    public String xml() {
        Document doc = Dom.newDocument();
        Element root = Dom.declare(doc.createElementNS(Ns.SAMLP, "samlp:LogoutRequest"), "samlp", Ns.SAMLP);
        doc.appendChild(root);
        root.setAttributeNS(null, "ID", id);
        root.setAttributeNS(null, "Version", "2.0");
        root.setAttributeNS(null, "IssueInstant", (issueInstant != null ? issueInstant : idp.clock().instant())
                .toString());
        if (destination != null) {
            root.setAttributeNS(null, "Destination", destination);
        }
        if (notOnOrAfter != null) {
            root.setAttributeNS(null, "NotOnOrAfter", notOnOrAfter.toString());
        }
        Dom.declare(Dom.appendText(root, Ns.SAML, "Issuer", issuer), "", Ns.SAML);
        if (nameId != null) {
            Element name = Dom.declare(Dom.appendText(root, Ns.SAML, "NameID", nameId), "", Ns.SAML);
            name.setAttributeNS(null, "Format", nameIdFormat);
        }
        sessionIndexes.forEach(s -> Dom.appendText(root, Ns.SAMLP, "samlp:SessionIndex", s));
        return XmlText.serialize(doc);
    }

    /** The raw query string ({@code SAMLRequest=...&RelayState=...&SigAlg=...&Signature=...}). */
    public String query() {
        return sending.query("SAMLRequest", xml());
    }

    /** The full URL the IdP redirects the browser to. */
    public String redirectUrl() {
        return sending.url("SAMLRequest", xml());
    }
}
