package io.watchpost.wire.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.core.HttpDates;
import io.watchpost.wire.WireRequest;
import io.watchpost.wire.codec.CodecException;
import io.watchpost.wire.codec.FormParameters;
import io.watchpost.wire.codec.Pojos;
import io.watchpost.wire.codec.Timestamps;
import io.watchpost.wire.codec.XmlShapeEncoder;
import io.watchpost.wire.model.OperationModel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.PayloadTrait;

/**
 * The HTTP bindings of S3's restXml: request members from path, query and headers; response members to headers
 * and to the XML document, whose root element S3 names per operation (not after the SDK's shape).
 */
final class RestXmlBindings {
    /** S3's root element names where they differ from {@code <Operation>Result}. */
    private static final Map<String, String> ROOTS = Map.of("ListBuckets", "ListAllMyBucketsResult",
            "ListObjects", "ListBucketResult", "ListObjectsV2", "ListBucketResult", "DeleteObjects", "DeleteResult",
            "GetBucketLocation", "LocationConstraint", "ListDirectoryBuckets", "ListAllMyDirectoryBucketsResult");


    private RestXmlBindings() {}

    /** Sets every path, query and header member; returns the payload member, if the request has one. */
    static SdkField<?> bind(SdkPojo builder, WireRequest request, Map<String, String> path) {
        Map<String, List<String>> query = FormParameters.parseAll(request.rawQuery());
        SdkField<?> payload = null;
        for (SdkField<?> field : builder.sdkFields()) {
            if (field.containsTrait(PayloadTrait.class)) {
                payload = field;
            }
            Object value = switch (field.location()) {
                case PATH, GREEDY_PATH -> scalar(field, path.get(field.locationName()));
                case QUERY_PARAM -> {
                    List<String> values = query.get(field.locationName());
                    yield values == null || values.isEmpty() ? null : scalar(field, values.get(0));
                }
                case HEADER -> field.marshallingType() == MarshallingType.MAP
                        ? prefixed(request, field.locationName())
                        : scalar(field, request.header(field.locationName()).orElse(null));
                default -> null;
            };
            if (value != null) {
                field.set(builder, value);
            }
        }
        return payload;
    }

    /** {@code x-amz-meta-Owner: me} → {@code {owner=me}} (header names are case-insensitive; S3 lowercases). */
    private static Map<String, String> prefixed(WireRequest request, String prefix) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        Map<String, String> values = new LinkedHashMap<>();
        request.headers().forEach((name, list) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith(lower) && !list.isEmpty()) {
                values.put(name.substring(prefix.length()).toLowerCase(Locale.ROOT), list.get(0));
            }
        });
        return values.isEmpty() ? null : values;
    }

    private static Object scalar(SdkField<?> field, String text) {
        if (text == null) {
            return null;
        }
        MarshallingType<?> type = field.marshallingType();
        try {
            if (type == MarshallingType.STRING) {
                return text;
            } else if (type == MarshallingType.INTEGER) {
                return Integer.parseInt(text.trim());
            } else if (type == MarshallingType.LONG) {
                return Long.parseLong(text.trim());
            } else if (type == MarshallingType.BOOLEAN) {
                return Boolean.parseBoolean(text.trim());
            } else if (type == MarshallingType.INSTANT) {
                return Timestamps.parse(text);
            } else if (type == MarshallingType.LIST) {
                return List.of(text.split("\\s*,\\s*"));
            }
        } catch (NumberFormatException e) {
            throw new CodecException("Value for " + field.locationName() + " is not a valid number: " + text);
        }
        return null;
    }

    /** Header members of a response; user metadata as {@code x-amz-meta-<name>}; dates in RFC 822. */
    static Map<String, String> headers(SdkPojo pojo) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = Pojos.valueOf(field, pojo);
            if (value == null || field.location() != MarshallLocation.HEADER) {
                continue;
            }
            if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> headers.put(field.locationName() + k, String.valueOf(v)));
            } else {
                headers.put(field.locationName(), value instanceof Instant instant ? HttpDates.format(instant)
                        : String.valueOf(value));
            }
        }
        return headers;
    }

    static SdkField<?> payloadMember(SdkPojo pojo) {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.containsTrait(PayloadTrait.class)) {
                return field;
            }
        }
        return null;
    }

    /** The response body: the payload member as such, else an XML document of the body members, else nothing. */
    static byte[] payload(OperationModel operation, SdkPojo pojo, String namespace) {
        if (operation.name().equals("GetBucketLocation")) {
            return locationConstraint(pojo, namespace);
        }
        SdkField<?> member = payloadMember(pojo);
        if (member != null) {
            Object value = Pojos.valueOf(member, pojo);
            if (value instanceof String text) {
                return text.getBytes(UTF_8);
            } else if (value instanceof SdkBytes bytes) {
                return bytes.asByteArray();
            } else if (value instanceof SdkPojo nested) {
                return document(member.locationName(), nested, namespace);
            }
            return new byte[0];
        }
        boolean hasBody = pojo.sdkFields().stream()
                .anyMatch(f -> f.location() == MarshallLocation.PAYLOAD && Pojos.valueOf(f, pojo) != null);
        return hasBody || ROOTS.containsKey(operation.name())
                ? document(ROOTS.getOrDefault(operation.name(), operation.name() + "Result"), pojo, namespace)
                : new byte[0];
    }

    private static byte[] document(String root, SdkPojo pojo, String namespace) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        openRoot(xml, root, namespace);
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = Pojos.valueOf(field, pojo);
            if (value != null && field.location() == MarshallLocation.PAYLOAD) {
                XmlShapeEncoder.writeMember(xml, field, field.locationName(), value);
            }
        }
        XmlShapeEncoder.close(xml, root);
        return xml.toString().getBytes(UTF_8);
    }

    /** GetBucketLocation answers the region as the text of the root element, empty for us-east-1. */
    private static byte[] locationConstraint(SdkPojo pojo, String namespace) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        openRoot(xml, "LocationConstraint", namespace);
        pojo.sdkFields().stream().filter(f -> f.locationName().equals("LocationConstraint")).findFirst()
                .map(f -> Pojos.valueOf(f, pojo)).ifPresent(value -> XmlShapeEncoder.escape(xml, value.toString()));
        XmlShapeEncoder.close(xml, "LocationConstraint");
        return xml.toString().getBytes(UTF_8);
    }

    private static void openRoot(StringBuilder xml, String root, String namespace) {
        xml.append('<').append(root);
        if (namespace != null) {
            xml.append(" xmlns=\"").append(namespace).append('"');
        }
        xml.append('>');
    }
}
