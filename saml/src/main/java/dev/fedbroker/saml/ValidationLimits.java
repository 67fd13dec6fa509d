package dev.fedbroker.saml;

/**
 * Limits applied to a posted response before any signature or decryption work, against denial of service.
 * Immutable and thread-safe.
 *
 * @param maxEncodedBytes        largest accepted base64 input, in characters (default 256 KiB)
 * @param maxDecodedBytes        largest accepted XML document, in bytes (default 192 KiB)
 * @param maxDepth               deepest element nesting (default 32; Azure's responses nest about 8 deep)
 * @param maxAttributesPerElement most attributes (namespace declarations included) on one element (default 32)
 * @param maxElements            most elements in the document (default 5,000; 150 groups take about 200)
 */
public record ValidationLimits(int maxEncodedBytes, int maxDecodedBytes, int maxDepth, int maxAttributesPerElement,
                               int maxElements) {

    /** The defaults, generous for any Azure AD response (150 groups, encrypted, both signatures). */
    public static final ValidationLimits DEFAULTS = new ValidationLimits(256 * 1024, 192 * 1024, 32, 32, 5_000);

    public ValidationLimits {
        positive(maxEncodedBytes, "maxEncodedBytes");
        positive(maxDecodedBytes, "maxDecodedBytes");
        positive(maxDepth, "maxDepth");
        positive(maxAttributesPerElement, "maxAttributesPerElement");
        positive(maxElements, "maxElements");
    }

    /** Same limits with another maximum encoded size. */
    public ValidationLimits withMaxEncodedBytes(int v) {
        return new ValidationLimits(v, maxDecodedBytes, maxDepth, maxAttributesPerElement, maxElements);
    }

    /** Same limits with another maximum decoded size. */
    public ValidationLimits withMaxDecodedBytes(int v) {
        return new ValidationLimits(maxEncodedBytes, v, maxDepth, maxAttributesPerElement, maxElements);
    }

    /** Same limits with another maximum depth. */
    public ValidationLimits withMaxDepth(int v) {
        return new ValidationLimits(maxEncodedBytes, maxDecodedBytes, v, maxAttributesPerElement, maxElements);
    }

    /** Same limits with another maximum attribute count per element. */
    public ValidationLimits withMaxAttributesPerElement(int v) {
        return new ValidationLimits(maxEncodedBytes, maxDecodedBytes, maxDepth, v, maxElements);
    }

    /** Same limits with another maximum element count. */
    public ValidationLimits withMaxElements(int v) {
        return new ValidationLimits(maxEncodedBytes, maxDecodedBytes, maxDepth, maxAttributesPerElement, v);
    }

    private static void positive(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + v);
        }
    }
}
