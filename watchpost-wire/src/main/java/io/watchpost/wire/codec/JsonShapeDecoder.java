package io.watchpost.wire.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Fills an SDK builder from a JSON or CBOR tree, driven by the builder's {@code SdkField}s. Unknown members are
 * ignored, as AWS ignores them; a member of the wrong type is a {@link CodecException}. Nesting depth is
 * bounded by the parser's constraints before this runs.
 */
public final class JsonShapeDecoder {
    private JsonShapeDecoder() {}

    /** Sets every field of {@code builder} accepted by {@code include} from the members of {@code object}. */
    public static void fill(SdkPojo builder, JsonNode object, Predicate<SdkField<?>> include) {
        if (object == null || object.isNull() || object.isMissingNode()) {
            return;
        }
        if (!object.isObject()) {
            throw new CodecException("Start of structure or map found where not expected.");
        }
        for (SdkField<?> field : builder.sdkFields()) {
            if (!include.test(field)) {
                continue;
            }
            JsonNode value = object.get(field.locationName());
            if (value != null && !value.isNull()) {
                field.set(builder, decode(field, value));
            }
        }
    }

    static Object decode(SdkField<?> field, JsonNode node) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            return requireText(field, node);
        } else if (type == MarshallingType.INTEGER) {
            return integral(field, node, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
        } else if (type == MarshallingType.LONG) {
            return integral(field, node, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (type == MarshallingType.SHORT) {
            return integral(field, node, Short.MIN_VALUE, Short.MAX_VALUE).shortValue();
        } else if (type == MarshallingType.BYTE) {
            return integral(field, node, Byte.MIN_VALUE, Byte.MAX_VALUE).byteValue();
        } else if (type == MarshallingType.DOUBLE) {
            return floating(field, node);
        } else if (type == MarshallingType.FLOAT) {
            return (float) floating(field, node);
        } else if (type == MarshallingType.BIG_DECIMAL) {
            return node.isNumber() ? node.decimalValue() : new BigDecimal(requireText(field, node));
        } else if (type == MarshallingType.BOOLEAN) {
            if (!node.isBoolean()) {
                throw mismatch(field, "a boolean");
            }
            return node.booleanValue();
        } else if (type == MarshallingType.INSTANT) {
            return instant(field, node);
        } else if (type == MarshallingType.SDK_BYTES) {
            return bytes(field, node);
        } else if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = Pojos.newBuilder(field);
            fill(nested, node, f -> true);
            return Pojos.build(nested);
        } else if (type == MarshallingType.LIST) {
            return list(field, node);
        } else if (type == MarshallingType.MAP) {
            return map(field, node);
        } else if (type == MarshallingType.DOCUMENT) {
            return document(node);
        }
        throw new CodecException("Unsupported member type for " + field.memberName());
    }

    private static String requireText(SdkField<?> field, JsonNode node) {
        if (!node.isTextual()) {
            throw mismatch(field, "a string");
        }
        return node.textValue();
    }

    private static Long integral(SdkField<?> field, JsonNode node, long min, long max) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            if (node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0 && node.canConvertToLong()) {
                return node.longValue();
            }
            throw mismatch(field, "an integer");
        }
        long value = node.longValue();
        if (value < min || value > max) {
            throw new CodecException("Value " + value + " for " + field.memberName() + " is out of range");
        }
        return value;
    }

    private static double floating(SdkField<?> field, JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw mismatch(field, "a number");
    }

    private static Instant instant(SdkField<?> field, JsonNode node) {
        if (node.isNumber()) {
            return Timestamps.fromEpochSeconds(node.decimalValue());
        }
        if (node.isTextual()) {
            return Timestamps.parse(node.textValue());
        }
        throw mismatch(field, "a timestamp");
    }

    private static SdkBytes bytes(SdkField<?> field, JsonNode node) {
        if (node.isBinary()) {
            try {
                return SdkBytes.fromByteArray(node.binaryValue());
            } catch (java.io.IOException e) {
                throw mismatch(field, "a blob");
            }
        }
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(requireText(field, node)));
        } catch (IllegalArgumentException e) {
            throw new CodecException("Value for " + field.memberName() + " is not valid base64");
        }
    }

    private static List<Object> list(SdkField<?> field, JsonNode node) {
        if (!node.isArray()) {
            throw new CodecException("Expected a list for " + field.memberName());
        }
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> values = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (!element.isNull()) {
                values.add(decode(member, element));
            }
        }
        return values;
    }

    private static Map<String, Object> map(SdkField<?> field, JsonNode node) {
        if (!node.isObject()) {
            throw new CodecException("Expected a map for " + field.memberName());
        }
        SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isNull()) {
                values.put(entry.getKey(), decode(value, entry.getValue()));
            }
        }
        return values;
    }

    static Document document(JsonNode node) {
        if (node.isObject()) {
            Map<String, Document> members = new LinkedHashMap<>();
            node.properties().forEach(e -> members.put(e.getKey(), document(e.getValue())));
            return Document.fromMap(members);
        } else if (node.isArray()) {
            List<Document> elements = new ArrayList<>();
            node.forEach(element -> elements.add(document(element)));
            return Document.fromList(elements);
        } else if (node.isTextual()) {
            return Document.fromString(node.textValue());
        } else if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        } else if (node.isNumber()) {
            return Document.fromNumber(node.decimalValue());
        }
        return Document.fromNull();
    }

    private static CodecException mismatch(SdkField<?> field, String expected) {
        return new CodecException("Value for " + field.memberName() + " must be " + expected);
    }
}
