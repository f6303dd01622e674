package io.watchpost.wire.protocol;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.wire.WireRequest;
import io.watchpost.wire.WireResponse;
import io.watchpost.wire.codec.JsonShapeDecoder;
import io.watchpost.wire.codec.Mappers;
import io.watchpost.wire.codec.Pojos;
import io.watchpost.wire.model.OperationModel;
import io.watchpost.wire.model.Protocol;
import io.watchpost.wire.model.ServiceModel;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * awsJson 1.0 and 1.1: {@code X-Amz-Target: Prefix.Operation}, the input structure as the JSON body, the output
 * structure as the answer; errors as {@code {"__type": code, "message": …}}. A query-compatible service (CloudWatch)
 * also names the awsQuery code and fault in {@code x-amzn-query-error}, which clients prefer.
 */
public final class AwsJsonCodec implements ProtocolCodec {
    private final Protocol protocol;
    private final String contentType;

    public AwsJsonCodec(Protocol protocol) {
        if (protocol != Protocol.AWS_JSON_1_0 && protocol != Protocol.AWS_JSON_1_1) {
            throw new IllegalArgumentException("not an awsJson protocol: " + protocol);
        }
        this.protocol = protocol;
        this.contentType = protocol == Protocol.AWS_JSON_1_0 ? "application/x-amz-json-1.0"
                : "application/x-amz-json-1.1";
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public Object decode(OperationModel operation, WireRequest request, byte[] body, Map<String, String> unused) {
        SdkPojo builder = operation.requestBuilder().get();
        JsonShapeDecoder.fill(builder, Mappers.read(Mappers.JSON, body), field -> true);
        return Pojos.build(builder);
    }

    @Override
    public WireResponse success(ServiceModel service, OperationModel operation, Object response, String requestId) {
        return WireResponse.of(200, contentType, Documents.write(Mappers.JSON, (SdkPojo) response, f -> true),
                requestId);
    }

    @Override
    public WireResponse error(ServiceModel service, AwsException error, String requestId) {
        WireResponse response = WireResponse.of(error.error().httpStatus(), contentType,
                Documents.error(Mappers.JSON, error), requestId);
        return service.queryCompatible() ? Documents.withQueryError(response, error) : response;
    }

    @Override
    public AwsError malformedInput() {
        return AwsError.SERIALIZATION;
    }
}
