package io.watchpost.wire.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.wire.WireResponse;
import io.watchpost.wire.codec.JsonShapeEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/** Writing JSON and CBOR answers and error documents, shared by the JSON, CBOR and REST-JSON protocols. */
final class Documents {
    private Documents() {}

    static byte[] write(ObjectMapper mapper, SdkPojo pojo, Predicate<SdkField<?>> include) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator out = mapper.getFactory().createGenerator(bytes)) {
            JsonShapeEncoder.writeObject(out, pojo, include);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code {"__type": code, "message": text, ...fields}}. */
    static byte[] error(ObjectMapper mapper, AwsException error) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (JsonGenerator out = mapper.getFactory().createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("__type", error.error().code());
            out.writeStringField("message", String.valueOf(error.getMessage()));
            for (var field : error.fields().entrySet()) {
                out.writeFieldName(field.getKey());
                mapper.writeValue(out, field.getValue());
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static WireResponse withQueryError(WireResponse response, AwsException error) {
        AwsError entry = error.error();
        return response.withHeader("x-amzn-query-error",
                entry.code() + ";" + (entry.fault() == AwsError.Fault.SENDER ? "Sender" : "Receiver"));
    }
}
