package dev.fedbroker.core.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * Azure B2B guest UPNs. In a SAML token a guest's UPN keeps its {@code #EXT#} form,
 * {@code alias_theirdomain#EXT#@tenant.onmicrosoft.com}; Azure's SCIM provisioning strips it to {@code alias@theirdomain}
 * (the part before {@code #EXT#}, whose last {@code _} stood for the {@code @}).
 */
public final class GuestUpns {

    private static final String EXT = "#ext#";

    private GuestUpns() {
    }

    public static boolean isGuest(String upn) {
        return upn.toLowerCase(Locale.ROOT).contains(EXT);
    }

    /** The UPN as Azure's SCIM sends it, or empty when this is not a guest UPN of the expected shape. */
    public static Optional<String> stripped(String upn) {
        int ext = upn.toLowerCase(Locale.ROOT).indexOf(EXT);
        if (ext <= 0) {
            return Optional.empty();
        }
        String local = upn.substring(0, ext);
        int at = local.lastIndexOf('_');
        if (at <= 0 || at == local.length() - 1 || local.indexOf('@') >= 0) {
            return Optional.empty();
        }
        return Optional.of(local.substring(0, at) + "@" + local.substring(at + 1));
    }
}
