package dev.fedbroker.testing.internal;

/** How a signature's SignedInfo references what it signs; only {@link #ENVELOPED} is Azure's. Immutable. */
public enum ReferenceStyle {
    /** One Reference to {@code #ID} of the signed element, enveloped-signature + exclusive C14N (Azure's). */
    ENVELOPED,
    /** As {@link #ENVELOPED}, but an XPath filter transform replaces the enveloped-signature transform. */
    XPATH_FILTER,
    /** Two References: the signed element and its parent element. */
    EXTRA_REFERENCE,
    /** One Reference with {@code URI=""}: the whole document. */
    EMPTY_URI,
    /** One Reference to the parent element's ID, although the Signature sits in the child. */
    PARENT_ID
}
