package io.watchpost.wire.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * Writes an SDK object as JSON or CBOR through a streaming generator, driven by its {@code SdkField}s. Unset
 * members are omitted. Timestamps follow the member's format trait, by default epoch seconds (in CBOR as tag 1,
 * as RPC v2 CBOR requires); blobs are base64 in JSON and byte strings in CBOR.
 */
public final class JsonShapeEncoder {
    private JsonShapeEncoder() {}

    /** The wire names of members, as every protocol writes them. */
    public static final Function<SdkField<?>, String> WIRE_NAMES = SdkField::locationName;

    /** lowerCamel member names, as CloudTrail writes request parameters and response elements. */
    public static final Function<SdkField<?>, String> CLOUDTRAIL_NAMES = field -> {
        String name = field.memberName();
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    };

    public static void writeObject(JsonGenerator out, SdkPojo pojo, Predicate<SdkField<?>> include) {
        writeObject(out, pojo, include, WIRE_NAMES);
    }

    public static void writeObject(JsonGenerator out, SdkPojo pojo, Predicate<SdkField<?>> include,
            Function<SdkField<?>, String> names) {
        try {
            out.writeStartObject();
            for (SdkField<?> field : pojo.sdkFields()) {
                Object value = Pojos.valueOf(field, pojo);
                if (value != null && include.test(field)) {
                    out.writeFieldName(names.apply(field));
                    write(out, field, value, names);
                }
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(JsonGenerator out, SdkField<?> field, Object value, Function<SdkField<?>, String> names)
            throws IOException {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.INSTANT) {
            writeInstant(out, field, (Instant) value);
        } else if (type == MarshallingType.SDK_BYTES) {
            byte[] bytes = ((SdkBytes) value).asByteArrayUnsafe();
            if (out instanceof CBORGenerator) {
                out.writeBinary(bytes);
            } else {
                out.writeString(Base64.getEncoder().encodeToString(bytes));
            }
        } else if (type == MarshallingType.SDK_POJO) {
            writeObject(out, (SdkPojo) value, f -> true, names);
        } else if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            out.writeStartArray();
            for (Object element : (List<?>) value) {
                if (element == null) {
                    out.writeNull();
                } else {
                    write(out, member, element, names);
                }
            }
            out.writeEndArray();
        } else if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                if (entry.getValue() == null) {
                    out.writeNull();
                } else {
                    write(out, member, entry.getValue(), names);
                }
            }
            out.writeEndObject();
        } else if (type == MarshallingType.DOCUMENT) {
            writeDocument(out, (Document) value);
        } else {
            writeScalar(out, value);
        }
    }

    private static void writeScalar(JsonGenerator out, Object value) throws IOException {
        if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                out.writeString(Double.isNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
            } else {
                out.writeNumber(number);
            }
        } else if (value instanceof BigDecimal decimal) {
            out.writeNumber(decimal);
        } else {
            out.writeString(String.valueOf(value));
        }
    }

    private static void writeInstant(JsonGenerator out, SdkField<?> field, Instant instant) throws IOException {
        TimestampFormatTrait.Format format = field.getOptionalTrait(TimestampFormatTrait.class)
                .map(TimestampFormatTrait::format).orElse(TimestampFormatTrait.Format.UNIX_TIMESTAMP);
        if (out instanceof CBORGenerator cbor) {
            cbor.writeTag(1);
            if (instant.getNano() == 0) {
                cbor.writeNumber(instant.getEpochSecond());
            } else {
                cbor.writeNumber(instant.toEpochMilli() / 1000.0);
            }
            return;
        }
        switch (format) {
            case ISO_8601 -> out.writeString(Timestamps.iso8601(instant));
            case RFC_822 -> out.writeString(Timestamps.rfc822(instant));
            case UNIX_TIMESTAMP_MILLIS -> out.writeNumber(instant.toEpochMilli());
            default -> out.writeNumber(Timestamps.epochSeconds(instant));
        }
    }

    static void writeDocument(JsonGenerator out, Document document) throws IOException {
        if (document.isMap()) {
            out.writeStartObject();
            for (Map.Entry<String, Document> entry : document.asMap().entrySet()) {
                out.writeFieldName(entry.getKey());
                writeDocument(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (document.isList()) {
            out.writeStartArray();
            for (Document element : document.asList()) {
                writeDocument(out, element);
            }
            out.writeEndArray();
        } else if (document.isString()) {
            out.writeString(document.asString());
        } else if (document.isBoolean()) {
            out.writeBoolean(document.asBoolean());
        } else if (document.isNumber()) {
            out.writeNumber(document.asNumber().bigDecimalValue());
        } else {
            out.writeNull();
        }
    }
}
