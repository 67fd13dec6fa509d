package dev.fedbroker.testing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.fedbroker.testing.internal.Dom;
import dev.fedbroker.testing.internal.Ns;
import dev.fedbroker.testing.internal.XmlText;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds the test IdP's {@code samlp:LogoutResponse} to an SP's LogoutRequest, for the HTTP-Redirect binding, shaped
 * like Azure AD's: Issuer {@code https://login.microsoftonline.com/<tenant>/}, no Destination attribute, status
 * Success, the request's RelayState echoed, the query string signed with the IdP's key (RSA-SHA256) and written with
 * lower-case %-escapes. Every part can be changed to build hostile variants. Not thread-safe.
 */
public final class LogoutResponseBuilder {

    private final TestIdentityProvider idp;
    private final RedirectSending sending;
    private String id = "_" + UUID.randomUUID();
    private String issuer;
    private String destination;
    private String inResponseTo;
    private String statusCode = AzureClaims.STATUS_SUCCESS;
    private String subStatusCode;
    private Instant issueInstant;

    LogoutResponseBuilder(TestIdentityProvider idp, String inResponseTo, String relayState) {
        this.idp = Objects.requireNonNull(idp, "idp");
        this.sending = new RedirectSending(idp.signingCredential());
        this.issuer = idp.logoutIssuer();
        this.inResponseTo = inResponseTo;
        this.sending.relayState = relayState;
    }

    /** The response ID (default {@code _} + a random UUID). */
    public LogoutResponseBuilder id(String v) { id = Objects.requireNonNull(v, "id"); return this; }

    /** The Issuer (default {@code https://login.microsoftonline.com/<tenant>/}, as Azure's logout messages). */
    public LogoutResponseBuilder issuer(String v) { issuer = Objects.requireNonNull(v, "issuer"); return this; }

    /** Writes a Destination attribute with this value (Azure writes none). */
    public LogoutResponseBuilder destination(String v) { destination = Objects.requireNonNull(v, "d"); return this; }

    /** The InResponseTo (default the request's ID); null to leave it out. */
    public LogoutResponseBuilder inResponseTo(String v) { inResponseTo = v; return this; }

    /** The top-level StatusCode (default Success). */
    public LogoutResponseBuilder status(String uri) { statusCode = Objects.requireNonNull(uri, "status"); return this; }

    /** A second-level StatusCode, e.g. {@code urn:oasis:names:tc:SAML:2.0:status:PartialLogout}. */
    public LogoutResponseBuilder subStatus(String uri) {
        subStatusCode = Objects.requireNonNull(uri, "subStatus");
        return this;
    }

    /** The IssueInstant (default the IdP clock's now). */
    public LogoutResponseBuilder issueInstant(Instant v) { issueInstant = Objects.requireNonNull(v, "i"); return this; }

    /** The RelayState (default the request's); null to leave it out. */
    public LogoutResponseBuilder relayState(String v) { sending.relayState = v; return this; }

    /** The SP logout URL the redirect goes to (default {@link TestIdentityProvider#DEFAULT_SLO_URL}). */
    public LogoutResponseBuilder sendTo(String url) {
        sending.sendTo = Objects.requireNonNull(url, "url");
        return this;
    }

    /** Sign the query string with this credential instead of the IdP's. */
    public LogoutResponseBuilder signWith(TestCredential c) {
        sending.credential = Objects.requireNonNull(c, "credential");
        sending.signed = true;
        return this;
    }

    /** No SigAlg and Signature parameters. */
    public LogoutResponseBuilder unsigned() { sending.signed = false; return this; }

    /** The SigAlg URI (default RSA-SHA256; RSA-SHA1/384/512 also work). */
    public LogoutResponseBuilder sigAlg(String uri) { sending.sigAlg = Objects.requireNonNull(uri, "s"); return this; }

    /** Lower-case %-escapes as Azure AD writes them (default true), or upper-case as Java's URLEncoder. */
    public LogoutResponseBuilder lowerCaseEscapes(boolean v) { sending.lowerCaseEscapes = v; return this; }

    /** The response XML. */
    public String xml() {
        Document doc = Dom.newDocument();
        Element root = Dom.declare(doc.createElementNS(Ns.SAMLP, "samlp:LogoutResponse"), "samlp", Ns.SAMLP);
        doc.appendChild(root);
        root.setAttributeNS(null, "ID", id);
        root.setAttributeNS(null, "Version", "2.0");
        root.setAttributeNS(null, "IssueInstant", (issueInstant != null ? issueInstant : idp.clock().instant())
                .toString());
        if (destination != null) {
            root.setAttributeNS(null, "Destination", destination);
        }
        if (inResponseTo != null) {
            root.setAttributeNS(null, "InResponseTo", inResponseTo);
        }
        Dom.declare(Dom.appendText(root, Ns.SAML, "Issuer", issuer), "", Ns.SAML);
        Element code = Dom.append(Dom.append(root, Ns.SAMLP, "samlp:Status"), Ns.SAMLP, "samlp:StatusCode");
        code.setAttributeNS(null, "Value", statusCode);
        if (subStatusCode != null) {
            Dom.append(code, Ns.SAMLP, "samlp:StatusCode").setAttributeNS(null, "Value", subStatusCode);
        }
        return XmlText.serialize(doc);
    }

    /** The raw query string ({@code SAMLResponse=...&RelayState=...&SigAlg=...&Signature=...}). */
    public String query() {
        return sending.query("SAMLResponse", xml());
    }

    /** The full URL the IdP redirects the browser to. */
    public String redirectUrl() {
        return sending.url("SAMLResponse", xml());
    }
}
