package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML into a DOM with every dangerous feature off: no DOCTYPE at all (so no entities, external or
 * internal, and no entity expansion), no XInclude, no external DTD or schema, secure processing on, and the JDK's own
 * depth and attribute limits set from {@link dev.fedbroker.saml.ValidationLimits}.
 *
 * <p>Thread-safe. One factory per instance (never static: limits differ per configuration). DocumentBuilder is not
 * thread-safe, so builders are pooled: a caller borrows one, parses, resets and returns it.
 */
public final class SecureXmlParser {

    private static final int POOL_SIZE = 32;
    private static final Set<String> UNICODE = Set.of("UTF-8", "UTF-16", "UTF-16BE", "UTF-16LE");
    /** "<!DOCTYPE" as it appears in every encoding the JDK parser reads it in (to name the reason, not to decide). */
    private static final List<byte[]> DOCTYPES = Stream.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE, Charset.forName("UTF-32LE"), Charset.forName("UTF-32BE"))
            .map("<!DOCTYPE"::getBytes).toList();
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override public void warning(SAXParseException e) { }
        @Override public void error(SAXParseException e) throws SAXException { throw e; }
        @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
    };

    private final DocumentBuilderFactory factory;
    private final ConcurrentLinkedQueue<DocumentBuilder> pool = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pooled = new AtomicInteger();
    private final boolean unicodeXml10Only;

    /** A parser for configuration documents (metadata): any encoding and XML version the JDK reads. */
    public SecureXmlParser(int maxDepth, int maxAttributesPerElement) {
        this(maxDepth, maxAttributesPerElement, false);
    }

    /**
     * @param unicodeXml10Only refuse (MALFORMED) anything but XML 1.0 in UTF-8 or UTF-16: for messages, where every
     *                         other encoding or version only widens the gap between what the bytes say to another
     *                         reader (a WAF, a log, a second parser) and what is verified here
     */
    public SecureXmlParser(int maxDepth, int maxAttributesPerElement, boolean unicodeXml10Only) {
        this.unicodeXml10Only = unicodeXml10Only;
        factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setIgnoringComments(false); // comments must stay visible so that text is read around them, not cut
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser does not support a required security feature", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            // Build every node during the parse: validation walks the whole tree anyway (DocumentScan, C14N), and
            // Xerces's deferred expansion then costs about a fifth more than building it eagerly.
            factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
        } catch (ParserConfigurationException notXerces) {
            // another JAXP implementation: it builds its DOM its own way
        }
        setJdkLimit("jdk.xml.maxElementDepth", maxDepth);
        setJdkLimit("jdk.xml.elementAttributeLimit", maxAttributesPerElement);
    }

    private void setJdkLimit(String name, int value) {
        try {
            factory.setAttribute(name, String.valueOf(value));
        } catch (IllegalArgumentException notSupported) {
            // another JAXP implementation on the class path: the bounded walk (DocumentScan) still enforces the limit
        }
    }

    /**
     * Parses {@code xml}; failures are MALFORMED, DOCTYPE_FORBIDDEN or TOO_LARGE (a JDK limit hit during parsing).
     * With {@code unicodeXml10Only}, only XML 1.0 in UTF-8 or UTF-16 is accepted: the encodings every XML processor
     * must read, and the version whose line-end and control-character rules every canonicalizer and IdP share.
     */
    public Document parse(byte[] xml) {
        DocumentBuilder builder = borrow();
        Document doc;
        try {
            doc = builder.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            throw classify(xml, e);
        } catch (IOException e) {
            throw new SamlValidationException(Reason.MALFORMED, "The XML could not be read.", e);
        } catch (RuntimeException e) { // a parser bug on crafted bytes must still end in a rejection
            throw new SamlValidationException(Reason.MALFORMED, "The XML could not be read.", e);
        } finally {
            giveBack(builder);
        }
        if (unicodeXml10Only) {
            requireUnicodeXml10(doc);
        }
        return doc;
    }

    private static void requireUnicodeXml10(Document doc) {
        if (!"1.0".equals(doc.getXmlVersion())) {
            throw new SamlValidationException(Reason.MALFORMED, "The document declares XML version "
                    + Log.clip(doc.getXmlVersion(), 10) + "; SAML responses are XML 1.0. Refused.");
        }
        String declared = doc.getXmlEncoding();
        if (!UNICODE.contains(String.valueOf(doc.getInputEncoding()).toUpperCase(Locale.ROOT))
                || declared != null && !UNICODE.contains(declared.toUpperCase(Locale.ROOT))) {
            throw new SamlValidationException(Reason.MALFORMED, "The document is encoded as "
                    + Log.clip(declared != null ? declared : doc.getInputEncoding(), 40) + "; only UTF-8 and UTF-16"
                    + " are accepted.");
        }
    }

    private static SamlValidationException classify(byte[] xml, SAXException e) {
        if (DOCTYPES.stream().anyMatch(d -> indexOf(xml, d) >= 0)) {
            return new SamlValidationException(Reason.DOCTYPE_FORBIDDEN, "The document contains a DOCTYPE declaration,"
                    + " which a SAML response never needs and which enables XXE and entity-expansion attacks. Refused.", e);
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("JAXP0001")) { // the JDK's processing limits (depth, attributes per element)
            return new SamlValidationException(Reason.TOO_LARGE, "The XML exceeds a parser limit (element depth or"
                    + " attributes per element); see ValidationLimits.", e);
        }
        return new SamlValidationException(Reason.MALFORMED, "The decoded SAMLResponse is not well-formed XML.", e);
    }

    private DocumentBuilder borrow() {
        DocumentBuilder b = pool.poll();
        if (b != null) {
            pooled.decrementAndGet();
            return b;
        }
        try {
            synchronized (factory) { // DocumentBuilderFactory is not guaranteed thread-safe
                b = factory.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("Cannot create an XML parser", e);
        }
        b.setErrorHandler(SILENT);
        b.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("External entities are refused");
        });
        return b;
    }

    private void giveBack(DocumentBuilder b) {
        if (pooled.incrementAndGet() <= POOL_SIZE) {
            b.reset();
            b.setErrorHandler(SILENT);
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entities are refused");
            });
            pool.offer(b);
        } else {
            pooled.decrementAndGet();
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
