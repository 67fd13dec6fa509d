package dev.fedbroker.core;

import java.util.Objects;

/**
 * An (account, role) pair: what a user picks to sign in to AWS. The role is a permission set's name, or for legacy
 * role claims the IAM role's name. Immutable and thread-safe.
 *
 * @param accountId         the 12-digit AWS account id
 * @param permissionSetName the permission set (or IAM role) name: 1-64 characters of {@code [\w+=,.@-]}
 * @throws IllegalArgumentException when either value is malformed
 */
public record AccountRole(String accountId, String permissionSetName) implements Comparable<AccountRole> {

    public AccountRole {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(permissionSetName, "permissionSetName");
        if (!isAccountId(accountId)) {
            throw new IllegalArgumentException("expected a 12-digit account id, found \"" + accountId + "\"");
        }
        if (!isRoleName(permissionSetName)) {
            throw new IllegalArgumentException("expected a permission set or role name of 1-64 characters among"
                    + " letters, digits and _+=,.@-, found \"" + permissionSetName + "\"");
        }
    }

    /** Orders by account id, then permission-set name: the order of every entitlement list. */
    @Override
    public int compareTo(AccountRole o) {
        int c = accountId.compareTo(o.accountId);
        return c != 0 ? c : permissionSetName.compareTo(o.permissionSetName);
    }

    // Hand-written rather than regular expressions: a broad grant creates thousands of pairs per resolution.
    static boolean isAccountId(String s) {
        if (s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isRoleName(String s) {
        if (s.isEmpty() || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "_+=,.@-".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
