package io.watchpost.server;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.RequiredTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Makes a request object with every required member (and every URI-bound member) set to a plain sample value,
 * so that the SDK sends it and the server has something to answer.
 */
final class SampleRequests {
    private SampleRequests() {}

    static Object build(SdkPojo builder) {
        fill(builder, 0);
        return ((SdkBuilder<?, ?>) builder).build();
    }

    private static void fill(SdkPojo builder, int depth) {
        for (SdkField<?> field : builder.sdkFields()) {
            boolean bound = field.location() == MarshallLocation.PATH
                    || field.location() == MarshallLocation.GREEDY_PATH;
            if (bound || field.containsTrait(RequiredTrait.class)) {
                Object value = sample(field, depth);
                if (value != null) {
                    field.set(builder, value);
                }
            }
        }
    }

    private static Object sample(SdkField<?> field, int depth) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            return "sample";
        } else if (type == MarshallingType.INTEGER) {
            return 1;
        } else if (type == MarshallingType.LONG) {
            return 1L;
        } else if (type == MarshallingType.DOUBLE) {
            return 1.0;
        } else if (type == MarshallingType.FLOAT) {
            return 1.0f;
        } else if (type == MarshallingType.BOOLEAN) {
            return Boolean.TRUE;
        } else if (type == MarshallingType.INSTANT) {
            return Instant.parse("2026-01-01T00:00:00Z");
        } else if (type == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromUtf8String("sample");
        } else if (type == MarshallingType.DOCUMENT) {
            return Document.fromString("sample");
        } else if (depth > 6) {
            return null;
        } else if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = field.constructor().get();
            fill(nested, depth + 1);
            return ((SdkBuilder<?, ?>) nested).build();
        } else if (type == MarshallingType.LIST) {
            Object element = sample(field.getRequiredTrait(ListTrait.class).memberFieldInfo(), depth + 1);
            return element == null ? List.of() : List.of(element);
        } else if (type == MarshallingType.MAP) {
            Object value = sample(field.getRequiredTrait(MapTrait.class).valueFieldInfo(), depth + 1);
            return value == null ? Map.of() : Map.of("sample", value);
        }
        return null;
    }
}
