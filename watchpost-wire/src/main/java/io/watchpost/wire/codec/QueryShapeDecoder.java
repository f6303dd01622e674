package io.watchpost.wire.codec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Fills an SDK builder from awsQuery parameters such as {@code MetricData.member.1.Dimensions.member.2.Name=x}.
 * The flat keys are first folded into a tree of {@link Node}s (depth bounded), then read field by field: lists
 * under {@code member.N} (or {@code N} when flattened), maps under {@code entry.N.key} / {@code entry.N.value}.
 */
public final class QueryShapeDecoder {
    /** Deeper keys than this are refused before any work: no AWS query shape nests this far. */
    public static final int MAX_KEY_DEPTH = 32;

    private QueryShapeDecoder() {}

    public static void fill(SdkPojo builder, Map<String, String> parameters) {
        Node root = new Node();
        parameters.forEach((key, value) -> root.put(key, value));
        fillStruct(builder, root);
    }

    private static void fillStruct(SdkPojo builder, Node node) {
        for (SdkField<?> field : builder.sdkFields()) {
            Node child = node.children.get(field.locationName());
            if (child != null) {
                field.set(builder, decode(field, child));
            }
        }
    }

    private static Object decode(SdkField<?> field, Node node) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = Pojos.newBuilder(field);
            fillStruct(nested, node);
            return Pojos.build(nested);
        } else if (type == MarshallingType.LIST) {
            return list(field, node);
        } else if (type == MarshallingType.MAP) {
            return map(field, node);
        }
        return scalar(field, node.value == null ? "" : node.value);
    }

    private static List<Object> list(SdkField<?> field, Node node) {
        ListTrait trait = field.getRequiredTrait(ListTrait.class);
        Node items = node;
        if (!trait.isFlattened()) {
            String memberName = trait.memberLocationName() == null ? "member" : trait.memberLocationName();
            items = node.children.get(memberName);
            if (items == null) {
                return new ArrayList<>();  // "Name=" is how awsQuery sends an empty list
            }
        }
        List<Object> values = new ArrayList<>();
        for (Node item : items.indexed(field).values()) {
            values.add(decode(trait.memberFieldInfo(), item));
        }
        return values;
    }

    private static Map<String, Object> map(SdkField<?> field, Node node) {
        MapTrait trait = field.getRequiredTrait(MapTrait.class);
        Node entries = trait.isFlattened() ? node : node.children.get("entry");
        Map<String, Object> values = new LinkedHashMap<>();
        if (entries == null) {
            return values;
        }
        String keyName = trait.keyLocationName() == null ? "key" : trait.keyLocationName();
        String valueName = trait.valueLocationName() == null ? "value" : trait.valueLocationName();
        for (Node entry : entries.indexed(field).values()) {
            Node key = entry.children.get(keyName);
            Node value = entry.children.get(valueName);
            if (key == null || key.value == null || value == null) {
                throw new CodecException("Map entry of " + field.locationName() + " needs a key and a value");
            }
            values.put(key.value, decode(trait.valueFieldInfo(), value));
        }
        return values;
    }

    private static Object scalar(SdkField<?> field, String text) {
        MarshallingType<?> type = field.marshallingType();
        try {
            if (type == MarshallingType.STRING) {
                return text;
            } else if (type == MarshallingType.INTEGER) {
                return Integer.parseInt(text.trim());
            } else if (type == MarshallingType.LONG) {
                return Long.parseLong(text.trim());
            } else if (type == MarshallingType.DOUBLE) {
                return Double.parseDouble(text.trim());
            } else if (type == MarshallingType.FLOAT) {
                return Float.parseFloat(text.trim());
            } else if (type == MarshallingType.BIG_DECIMAL) {
                return new BigDecimal(text.trim());
            } else if (type == MarshallingType.SHORT) {
                return Short.parseShort(text.trim());
            } else if (type == MarshallingType.BOOLEAN) {
                return parseBoolean(field, text.trim());
            } else if (type == MarshallingType.INSTANT) {
                return Timestamps.parse(text);
            } else if (type == MarshallingType.SDK_BYTES) {
                return SdkBytes.fromByteArray(Base64.getDecoder().decode(text.trim()));
            }
        } catch (IllegalArgumentException e) {
            throw invalid(field, text);
        } catch (CodecException e) {
            throw invalid(field, text);
        }
        throw new CodecException("Unsupported parameter type for " + field.locationName());
    }

    private static boolean parseBoolean(SdkField<?> field, String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid(field, text);
    }

    private static CodecException invalid(SdkField<?> field, String text) {
        return new CodecException("Value (" + text + ") for parameter " + field.locationName() + " is invalid.");
    }

    /** One level of a dotted key. */
    private static final class Node {
        String value;
        final Map<String, Node> children = new LinkedHashMap<>();

        void put(String key, String text) {
            Node node = this;
            int depth = 0;
            for (String part : key.split("\\.", -1)) {
                if (++depth > MAX_KEY_DEPTH) {
                    throw new CodecException("Parameter name nests too deeply: " + key.substring(0, Math.min(64, key.length())) + "...");
                }
                node = node.children.computeIfAbsent(part, p -> new Node());
            }
            node.value = text;
        }

        /** Children keyed 1, 2, 3 ... in numeric order. */
        TreeMap<Integer, Node> indexed(SdkField<?> field) {
            TreeMap<Integer, Node> items = new TreeMap<>();
            for (Map.Entry<String, Node> child : children.entrySet()) {
                try {
                    int index = Integer.parseInt(child.getKey());
                    if (index < 1) {
                        throw new NumberFormatException();
                    }
                    items.put(index, child.getValue());
                } catch (NumberFormatException e) {
                    throw new CodecException("Invalid list index '" + child.getKey() + "' in parameter "
                            + field.locationName());
                }
            }
            return items;
        }
    }
}
