package io.watchpost.wire.codec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;

/**
 * Fills an SDK builder from a REST-XML request body (S3's {@code CreateBucketConfiguration}, {@code Delete}):
 * child elements by the members' location names, flattened lists as repeated elements, wrapped lists by their
 * member name. DOCTYPEs are refused, so no entity expansion or external fetch can happen; namespaces are
 * ignored, as S3 accepts bodies with or without its namespace.
 */
public final class XmlShapeDecoder {
    private XmlShapeDecoder() {}

    public static Element parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        } catch (SAXException | IOException e) {
            throw new CodecException("The XML you provided was not well-formed or did not validate against our "
                    + "published schema");
        }
    }

    public static void fill(SdkPojo builder, Element element) {
        for (SdkField<?> field : builder.sdkFields()) {
            Object value = member(field, element);
            if (value != null) {
                field.set(builder, value);
            }
        }
    }

    private static Object member(SdkField<?> field, Element parent) {
        String name = field.unmarshallLocationName() == null ? field.locationName() : field.unmarshallLocationName();
        if (field.marshallingType() == MarshallingType.LIST) {
            ListTrait trait = field.getRequiredTrait(ListTrait.class);
            List<Element> items;
            if (trait.isFlattened()) {
                items = children(parent, name);
            } else {
                List<Element> wrapper = children(parent, name);
                String memberName = trait.memberLocationName() == null ? "member" : trait.memberLocationName();
                items = wrapper.isEmpty() ? List.of() : children(wrapper.get(0), memberName);
            }
            if (items.isEmpty()) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            items.forEach(item -> values.add(value(trait.memberFieldInfo(), item)));
            return values;
        }
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : value(field, found.get(0));
    }

    private static Object value(SdkField<?> field, Element element) {
        MarshallingType<?> type = field.marshallingType();
        String text = element.getTextContent().trim();
        try {
            if (type == MarshallingType.SDK_POJO) {
                SdkPojo nested = Pojos.newBuilder(field);
                fill(nested, element);
                return Pojos.build(nested);
            } else if (type == MarshallingType.STRING) {
                return element.getTextContent();
            } else if (type == MarshallingType.INTEGER) {
                return Integer.parseInt(text);
            } else if (type == MarshallingType.LONG) {
                return Long.parseLong(text);
            } else if (type == MarshallingType.BOOLEAN) {
                return Boolean.parseBoolean(text);
            } else if (type == MarshallingType.INSTANT) {
                return Timestamps.parse(text);
            }
        } catch (NumberFormatException e) {
            throw new CodecException("The XML you provided was not well-formed or did not validate against our "
                    + "published schema");
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && name.equals(localName(child))) {
                result.add(child);
            }
        }
        return result;
    }

    private static String localName(Element element) {
        String name = element.getTagName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }
}
