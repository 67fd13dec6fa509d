package dev.fedbroker.saml.internal;

/** Initializes Apache Santuario once per JVM (its own Init is idempotent and synchronized; this avoids the lock). */
final class XmlSecurity {

    private XmlSecurity() {
    }

    static void init() {
        Holder.touch();
    }

    private static final class Holder {
        static {
            org.apache.xml.security.Init.init();
        }

        static void touch() {
            // class initialization above runs once
        }
    }
}
