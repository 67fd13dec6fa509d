package dev.fedbroker.sample.dev;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Points the SAML endpoints of Azure-shaped federation metadata at the embedded dev IdP, so that the service
 * provider reads its sign-in and logout URLs from metadata exactly as it does with Azure's. Stateless.
 */
final class MetadataEndpoints {

    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";

    private MetadataEndpoints() {
    }

    /** {@code metadataXml} with every SingleSignOnService at {@code sso} and SingleLogoutService at {@code slo}. */
    static String relocate(String metadataXml, String sso, String slo) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            Document doc = f.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(metadataXml.getBytes(StandardCharsets.UTF_8)));
            setLocations(doc.getElementsByTagNameNS(MD, "SingleSignOnService"), sso);
            setLocations(doc.getElementsByTagNameNS(MD, "SingleLogoutService"), slo);
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            var t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot rewrite the dev IdP's metadata", e);
        }
    }

    private static void setLocations(NodeList services, String location) {
        for (int i = 0; i < services.getLength(); i++) {
            ((Element) services.item(i)).setAttributeNS(null, "Location", location);
        }
    }
}
