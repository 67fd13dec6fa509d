package dev.fedbroker.testing.internal;

/** Initializes Apache Santuario before first use. Thread-safe. */
public final class XmlSecurity {

    private XmlSecurity() {
    }

    /** Santuario's {@code Init.init()} is idempotent and synchronized, so calling it before each use is cheap. */
    public static void init() {
        org.apache.xml.security.Init.init();
    }
}
