package io.watchpost.wire.codec;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Writes an SDK object as the XML of an awsQuery answer: one element per set member (named by its location
 * name), lists as {@code <member>} elements, maps as {@code <entry><key/><value/></entry>}, timestamps in
 * ISO 8601 with milliseconds, blobs in base64.
 */
public final class XmlShapeEncoder {
    private XmlShapeEncoder() {}

    public static void writeMembers(StringBuilder out, SdkPojo pojo) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = Pojos.valueOf(field, pojo);
            if (value != null) {
                writeMember(out, field, field.locationName(), value);
            }
        }
    }

    /** Writes one member named {@code name} (shared with the REST-XML codec). */
    public static void writeMember(StringBuilder out, SdkField<?> field, String name, Object value) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.LIST) {
            ListTrait trait = field.getRequiredTrait(ListTrait.class);
            String memberName = trait.memberLocationName() == null ? "member" : trait.memberLocationName();
            if (trait.isFlattened()) {
                for (Object element : (List<?>) value) {
                    writeMember(out, trait.memberFieldInfo(), name, element);
                }
                return;
            }
            open(out, name);
            for (Object element : (List<?>) value) {
                writeMember(out, trait.memberFieldInfo(), memberName, element);
            }
            close(out, name);
        } else if (type == MarshallingType.MAP) {
            MapTrait trait = field.getRequiredTrait(MapTrait.class);
            open(out, name);
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                open(out, "entry");
                element(out, trait.keyLocationName() == null ? "key" : trait.keyLocationName(),
                        String.valueOf(entry.getKey()));
                writeMember(out, trait.valueFieldInfo(),
                        trait.valueLocationName() == null ? "value" : trait.valueLocationName(), entry.getValue());
                close(out, "entry");
            }
            close(out, name);
        } else if (type == MarshallingType.SDK_POJO) {
            open(out, name);
            writeMembers(out, (SdkPojo) value);
            close(out, name);
        } else if (type == MarshallingType.INSTANT) {
            element(out, name, Timestamps.iso8601((Instant) value));
        } else if (type == MarshallingType.SDK_BYTES) {
            element(out, name, Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe()));
        } else {
            element(out, name, String.valueOf(value));
        }
    }

    public static void element(StringBuilder out, String name, String text) {
        open(out, name);
        escape(out, text);
        close(out, name);
    }

    public static void open(StringBuilder out, String name) {
        out.append('<').append(name).append('>');
    }

    public static void close(StringBuilder out, String name) {
        out.append("</").append(name).append('>');
    }

    public static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
