package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.IdentityProvider;
import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Validates the logout messages Azure AD sends over HTTP-Redirect: the query-string signature first (RedirectBinding),
 * then a secure parse, the shape (no embedded signature or assertion), Version, ID, Issuer among the accepted logout
 * issuers, Destination, IssueInstant window and one-time use of the message ID. Immutable and thread-safe.
 */
public final class InboundLogout {

    /** A validated message: its root element and what the binding carried. */
    public record Received(Element root, String issuer, Optional<String> relayState, boolean signed, Instant issued) { }

    private static final Pattern AZURE_ISSUER = Pattern.compile("https://sts\\.windows\\.net/([0-9a-fA-F-]{36})/");

    private final SpSettings sp;
    private final SecureXmlParser parser;

    public InboundLogout(SpSettings sp) {
        this.sp = sp;
        this.parser = new SecureXmlParser(sp.limits().maxDepth(), sp.limits().maxAttributesPerElement());
    }

    /**
     * The Issuers accepted on logout messages: the configured set, or else the IdP's entity id plus, for Azure AD
     * ({@code https://sts.windows.net/<tid>/}), {@code https://login.microsoftonline.com/<tid>/}, the Issuer Azure
     * puts on its logout messages (DOMAIN.md 1.1, 1.11).
     */
    public Set<String> acceptedIssuers(IdentityProvider idp) {
        if (sp.logoutIssuers().isPresent()) {
            return sp.logoutIssuers().get();
        }
        Set<String> out = new LinkedHashSet<>();
        out.add(idp.entityId());
        Matcher m = AZURE_ISSUER.matcher(idp.entityId());
        if (m.matches()) {
            out.add("https://login.microsoftonline.com/" + m.group(1) + "/");
        }
        return out;
    }

    /** Receives {@code parameter} from the query string and checks everything common to both logout messages. */
    public Received receive(String rawQuery, String parameter, String rootName, IdentityProvider idp) {
        RedirectBinding.Inbound in = RedirectBinding.receive(rawQuery, parameter, idp.signingCertificates(),
                sp.requireSignedLogoutMessages(), sp.allowSha1(), sp.limits(), sp.relayStateMaxBytes());
        Element root = parser.parse(in.xml()).getDocumentElement();
        if (!Dom.is(root, Names.PROTOCOL, rootName)) {
            throw new SamlValidationException(Reason.MALFORMED, "The " + parameter + " is a " + root.getLocalName()
                    + "; expected a samlp:" + rootName + ".");
        }
        DocumentScan scan = DocumentScan.of(root, sp.limits(), Set.of());
        if (!scan.signatures.isEmpty() || !scan.assertions.isEmpty()) {
            throw new SamlValidationException(Reason.MALFORMED, "The " + rootName + " embeds a ds:Signature or an"
                    + " assertion; the HTTP-Redirect binding removes XML signatures (bindings 3.4.4.1) and logout"
                    + " messages carry no assertion.");
        }
        if (!"2.0".equals(Dom.attribute(root, "Version").orElse(""))
                || Dom.attribute(root, "ID").orElse("").isBlank()) {
            throw new SamlValidationException(Reason.MALFORMED, rootName + " needs Version=\"2.0\" and an ID.");
        }
        String issuer = Dom.atMostOne(root, Names.ASSERTION, "Issuer").map(Dom::text).orElse("");
        Set<String> accepted = acceptedIssuers(idp);
        if (!accepted.contains(issuer)) {
            throw new SamlValidationException(Reason.WRONG_ISSUER, rootName + " Issuer "
                    + (issuer.isEmpty() ? "is missing" : "'" + Log.clip(issuer, 200) + "' is not accepted")
                    + "; expected one of " + accepted + ". Configure ServiceProvider.builder().logoutIssuers(...)"
                    + " if the IdP uses another logout issuer.");
        }
        checkDestination(root, rootName);
        Instant issued = issueInstant(root, rootName);
        return new Received(root, issuer, in.relayState(), in.signed(), issued);
    }

    /** Remembers issuer + ID until the message can no longer be accepted; a second use is REPLAYED. */
    public void remember(Received message, String kind) {
        Instant until = message.issued().plus(sp.maxMessageAge()).plus(sp.clockSkew()).plus(sp.clockSkew());
        boolean fresh;
        try {
            fresh = sp.replayCache().putIfAbsent(kind + "|" + message.issuer() + "|"
                    + Dom.attribute(message.root(), "ID").orElse(""), until);
        } catch (RuntimeException e) {
            throw new SamlValidationException(Reason.REPLAY_CACHE_UNAVAILABLE, "The replay cache could not record"
                    + " the " + kind + ", so it is refused (" + e.getClass().getSimpleName() + ").", e);
        }
        if (!fresh) {
            throw new SamlValidationException(Reason.REPLAYED, "This " + kind + " (same issuer and ID) was already"
                    + " processed once. Refused.");
        }
    }

    /** A LogoutRequest's NameID: its exact text and Format. */
    public record Name(String value, Optional<String> format) { }

    /** The NameID of a LogoutRequest (EncryptedID and BaseID are not supported), or NO_SUBJECT. */
    public static Name nameId(Element request) {
        if (Dom.child(request, Names.ASSERTION, "EncryptedID").isPresent()
                || Dom.child(request, Names.ASSERTION, "BaseID").isPresent()) {
            throw new SamlValidationException(Reason.MALFORMED, "The LogoutRequest identifies the user with an"
                    + " EncryptedID or BaseID; only a plain NameID is supported (Azure AD sends a NameID).");
        }
        Optional<Element> name = Dom.atMostOne(request, Names.ASSERTION, "NameID");
        if (name.isEmpty() || Dom.text(name.get()).isBlank()) {
            throw new SamlValidationException(Reason.NO_SUBJECT, "The LogoutRequest has no NameID (SAML core 3.7.1"
                    + " requires one).");
        }
        return new Name(Dom.text(name.get()), Dom.attribute(name.get(), "Format"));
    }

    /** The status code values, top level first, then nested ones; empty when there is no Status. */
    public static List<String> statusCodes(Element response) {
        List<String> out = new ArrayList<>();
        Optional<Element> code = Dom.child(response, Names.PROTOCOL, "Status")
                .flatMap(s -> Dom.child(s, Names.PROTOCOL, "StatusCode"));
        while (code.isPresent()) {
            out.add(Dom.attribute(code.get(), "Value").orElse(""));
            code = Dom.child(code.get(), Names.PROTOCOL, "StatusCode");
        }
        return List.copyOf(out);
    }

    /** The SessionIndex values of a LogoutRequest, in document order. */
    public static List<String> sessionIndexes(Element request) {
        List<String> out = new ArrayList<>();
        Dom.children(request, Names.PROTOCOL, "SessionIndex").forEach(e -> out.add(Dom.text(e)));
        return List.copyOf(out);
    }

    /** A LogoutRequest's NotOnOrAfter, if present, must not have passed (beyond the skew). */
    public void notExpired(Element request) {
        Optional<Instant> notOnOrAfter = Dom.instant(request, "NotOnOrAfter");
        if (notOnOrAfter.isPresent() && Times.passed(sp.clock().instant(), notOnOrAfter.get(), sp.clockSkew())) {
            throw new SamlValidationException(Reason.EXPIRED, "The LogoutRequest's NotOnOrAfter ("
                    + notOnOrAfter.get() + ") has passed (clock skew " + sp.clockSkew() + ").");
        }
    }

    /**
     * Destination must name this SP's logout URL when present. SAML bindings 3.4.5.2 requires it on signed messages,
     * but Azure AD's documented LogoutResponse carries none, so its absence is tolerated (the signature still binds
     * the message to this IdP, and InResponseTo to this SP's request).
     */
    private void checkDestination(Element root, String rootName) {
        Optional<String> destination = Dom.attribute(root, "Destination");
        Optional<String> expected = sp.singleLogoutService();
        if (destination.isPresent() && !destination.equals(expected)) {
            throw new SamlValidationException(Reason.WRONG_DESTINATION, rootName + " Destination '"
                    + Log.clip(destination.get(), 200) + "' differs from this SP's logout URL '"
                    + expected.orElse("(none configured)") + "'. Register exactly this Logout URL in the Azure"
                    + " enterprise app.");
        }
    }

    private Instant issueInstant(Element root, String rootName) {
        Optional<Instant> issued = Dom.instant(root, "IssueInstant");
        if (issued.isEmpty()) {
            throw new SamlValidationException(Reason.MALFORMED, rootName + " has no IssueInstant.");
        }
        Instant now = sp.clock().instant();
        if (Times.notYet(now, issued.get(), sp.clockSkew())
                || Times.passed(now, issued.get().plus(sp.maxMessageAge()), sp.clockSkew())) {
            throw new SamlValidationException(Reason.ISSUE_INSTANT_OUT_OF_WINDOW, rootName + " IssueInstant "
                    + issued.get() + " is outside [now - " + sp.maxMessageAge() + ", now] widened by the clock skew "
                    + sp.clockSkew() + "; check the host's clock (NTP) or clockSkew/maxResponseAge.");
        }
        return issued.get();
    }
}
