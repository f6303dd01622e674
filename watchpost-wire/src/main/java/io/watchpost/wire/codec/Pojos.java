package io.watchpost.wire.codec;

import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/** Helpers over the SDK's model metadata shared by every codec. */
public final class Pojos {
    private Pojos() {}

    /** Builds a filled builder into its immutable object. */
    public static Object build(SdkPojo builder) {
        if (builder instanceof SdkBuilder<?, ?> sdkBuilder) {
            return sdkBuilder.build();
        }
        throw new IllegalStateException(builder.getClass().getName() + " is not a builder");
    }

    /** A field's value, or null when it is unset (the SDK's empty "auto construct" collections count as unset). */
    public static Object valueOf(SdkField<?> field, Object pojo) {
        Object value = field.getValueOrDefault(pojo);
        if (value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
            return null;
        }
        return value;
    }

    public static List<SdkField<?>> fields(SdkPojo pojo) {
        return pojo.sdkFields();
    }

    public static SdkPojo newBuilder(SdkField<?> structField) {
        return structField.constructor().get();
    }
}
