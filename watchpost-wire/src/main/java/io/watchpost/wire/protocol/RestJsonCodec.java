package io.watchpost.wire.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.wire.WireRequest;
import io.watchpost.wire.WireResponse;
import io.watchpost.wire.codec.CodecException;
import io.watchpost.wire.codec.FormParameters;
import io.watchpost.wire.codec.JsonShapeDecoder;
import io.watchpost.wire.codec.Mappers;
import io.watchpost.wire.codec.Pojos;
import io.watchpost.wire.codec.Timestamps;
import io.watchpost.wire.model.OperationModel;
import io.watchpost.wire.model.Protocol;
import io.watchpost.wire.model.ServiceModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;

/**
 * restJson1: members bound to the URI path, the query string and headers, the rest (or one payload member) in
 * a JSON body. Errors carry the code in {@code X-Amzn-ErrorType} and in the body's {@code __type}.
 */
public final class RestJsonCodec implements ProtocolCodec {
    @Override
    public Protocol protocol() {
        return Protocol.REST_JSON;
    }

    @Override
    public Object decode(OperationModel operation, WireRequest request, byte[] body, Map<String, String> path) {
        SdkPojo builder = operation.requestBuilder().get();
        Map<String, List<String>> query = FormParameters.parseAll(request.rawQuery());
        SdkField<?> payloadMember = null;
        for (SdkField<?> field : builder.sdkFields()) {
            if (field.containsTrait(PayloadTrait.class)) {
                payloadMember = field;
            }
            Object value = bound(field, request, query, path);
            if (value != null) {
                field.set(builder, value);
            }
        }
        if (payloadMember != null) {
            setPayload(builder, payloadMember, body);
        } else {
            JsonShapeDecoder.fill(builder, Mappers.read(Mappers.JSON, body),
                    field -> field.location() == MarshallLocation.PAYLOAD);
        }
        return Pojos.build(builder);
    }

    private static Object bound(SdkField<?> field, WireRequest request, Map<String, List<String>> query,
            Map<String, String> path) {
        MarshallLocation location = field.location();
        if (location == MarshallLocation.PATH || location == MarshallLocation.GREEDY_PATH) {
            String value = path.get(field.locationName());
            return value == null ? null : scalar(field, value, false);
        }
        if (location == MarshallLocation.QUERY_PARAM) {
            List<String> values = query.get(field.locationName());
            if (values == null || field.marshallingType() == MarshallingType.MAP) {
                return null;
            }
            if (field.marshallingType() == MarshallingType.LIST) {
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                List<Object> list = new ArrayList<>();
                values.forEach(value -> list.add(scalar(member, value, false)));
                return list;
            }
            return scalar(field, values.get(0), false);
        }
        if (location == MarshallLocation.HEADER) {
            return request.header(field.locationName()).map(value -> scalar(field, value, true)).orElse(null);
        }
        return null;
    }

    private static Object scalar(SdkField<?> field, String text, boolean header) {
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
            } else if (type == MarshallingType.BOOLEAN) {
                if (!text.trim().equals("true") && !text.trim().equals("false")) {
                    throw new CodecException("Value for " + field.locationName() + " must be a boolean");
                }
                return Boolean.parseBoolean(text.trim());
            } else if (type == MarshallingType.INSTANT) {
                return Timestamps.parse(text);
            } else if (type == MarshallingType.LIST && header) {
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                List<Object> list = new ArrayList<>();
                for (String part : text.split(",")) {
                    list.add(scalar(member, part.trim(), true));
                }
                return list;
            }
        } catch (NumberFormatException e) {
            throw new CodecException("Value for " + field.locationName() + " is not a valid number: " + text);
        }
        throw new CodecException("Unsupported binding of " + field.locationName());
    }

    private static void setPayload(SdkPojo builder, SdkField<?> field, byte[] body) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_BYTES) {
            field.set(builder, SdkBytes.fromByteArray(body));
        } else if (type == MarshallingType.STRING) {
            field.set(builder, new String(body, UTF_8));
        } else if (type == MarshallingType.SDK_POJO && body.length > 0) {
            SdkPojo nested = Pojos.newBuilder(field);
            JsonShapeDecoder.fill(nested, Mappers.read(Mappers.JSON, body), f -> true);
            field.set(builder, Pojos.build(nested));
        }
    }

    @Override
    public WireResponse success(ServiceModel service, OperationModel operation, Object response, String requestId) {
        SdkPojo pojo = (SdkPojo) response;
        Map<String, String> headers = new LinkedHashMap<>();
        SdkField<?> payloadMember = null;
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = Pojos.valueOf(field, pojo);
            if (field.containsTrait(PayloadTrait.class)) {
                payloadMember = field;
            } else if (value != null && field.location() == MarshallLocation.HEADER) {
                headers.put(field.locationName(), value instanceof Instant instant ? Timestamps.rfc822(instant)
                        : String.valueOf(value));
            }
        }
        byte[] body;
        String contentType = "application/json";
        if (operation.successStatus() == 204) {
            body = new byte[0];
            contentType = null;
        } else if (payloadMember != null) {
            Object value = Pojos.valueOf(payloadMember, pojo);
            if (value instanceof SdkBytes bytes) {
                body = bytes.asByteArray();
                contentType = "application/octet-stream";
            } else if (value instanceof String text) {
                body = text.getBytes(UTF_8);
                contentType = "text/plain";
            } else {
                body = value == null ? new byte[0] : Documents.write(Mappers.JSON, (SdkPojo) value, f -> true);
            }
        } else {
            body = Documents.write(Mappers.JSON, pojo, field -> field.location() == MarshallLocation.PAYLOAD);
        }
        WireResponse wire = WireResponse.of(operation.successStatus(), contentType, body, requestId);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            wire = wire.withHeader(header.getKey(), header.getValue());
        }
        return wire;
    }

    @Override
    public WireResponse error(ServiceModel service, AwsException error, String requestId) {
        return WireResponse.of(error.error().httpStatus(), "application/json", Documents.error(Mappers.JSON, error),
                requestId).withHeader("X-Amzn-ErrorType", error.error().code());
    }

    @Override
    public AwsError malformedInput() {
        return AwsError.SERIALIZATION;
    }
}
