package dev.fedbroker.bench;

/**
 * The SCIM filters measured, and the user they are evaluated against: a user as Azure AD provisions one (core User
 * with name, emails, phone numbers, an address, and the Enterprise User extension). Immutable.
 */
public enum ScimCase {
    /** One equality on the attribute Azure AD filters by before every create. */
    SIMPLE("userName eq \"alice@contoso.example\""),
    /** A value path with a conjunction, a disjunction with a negation, and a URN-qualified extension attribute. */
    COMPLEX("emails[type eq \"work\" and value ew \"@contoso.example\"] and (title sw \"Senior\" or not (active eq"
            + " false)) and urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Finance\"");

    static final String USER_ID = "2819c223-7f76-453a-919d-413861904646";

    /** The user's attributes (no id, no meta), as JSON. Both filters match it. */
    static final String USER_JSON = """
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId": "alice",
             "userName": "alice@contoso.example",
             "active": true,
             "displayName": "Alice Example",
             "title": "Senior Accountant",
             "preferredLanguage": "en-US",
             "name": {"formatted": "Alice Example", "familyName": "Example", "givenName": "Alice"},
             "emails": [{"value": "alice@home.example", "type": "home"},
                        {"value": "alice@contoso.example", "type": "work", "primary": true}],
             "phoneNumbers": [{"value": "+1 555 0100", "type": "work"}, {"value": "+1 555 0101", "type": "mobile"}],
             "addresses": [{"type": "work", "streetAddress": "1 Main St", "locality": "Redmond", "region": "WA",
                            "postalCode": "98052", "country": "US", "primary": true}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                 "employeeNumber": "701984", "department": "Finance", "costCenter": "4130",
                 "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d"}}}
            """;

    /** Another user that neither filter matches (other userName, no work address at contoso, other department). */
    static final String OTHER_USER_JSON = USER_JSON.replace("alice@contoso.example", "bob@fabrikam.example")
            .replace("\"Finance\"", "\"Sales\"");

    final String filter;

    ScimCase(String filter) {
        this.filter = filter;
    }
}
