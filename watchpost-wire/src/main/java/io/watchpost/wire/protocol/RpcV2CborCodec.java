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
 * Smithy RPC v2 CBOR: {@code POST /service/{Service}/operation/{Operation}} with {@code smithy-protocol:
 * rpc-v2-cbor}; input and output structures as CBOR maps, timestamps as tag 1 epoch seconds, errors as a map
 * with {@code __type}. Query-compatible services add {@code x-amzn-query-error} as in awsJson.
 */
public final class RpcV2CborCodec implements ProtocolCodec {
    static final String CONTENT_TYPE = "application/cbor";

    @Override
    public Protocol protocol() {
        return Protocol.RPC_V2_CBOR;
    }

    @Override
    public Object decode(OperationModel operation, WireRequest request, byte[] body, Map<String, String> unused) {
        SdkPojo builder = operation.requestBuilder().get();
        JsonShapeDecoder.fill(builder, Mappers.read(Mappers.CBOR, body), field -> true);
        return Pojos.build(builder);
    }

    @Override
    public WireResponse success(ServiceModel service, OperationModel operation, Object response, String requestId) {
        return WireResponse.of(200, CONTENT_TYPE, Documents.write(Mappers.CBOR, (SdkPojo) response, f -> true),
                requestId).withHeader("smithy-protocol", "rpc-v2-cbor");
    }

    @Override
    public WireResponse error(ServiceModel service, AwsException error, String requestId) {
        WireResponse response = WireResponse.of(error.error().httpStatus(), CONTENT_TYPE,
                Documents.error(Mappers.CBOR, error), requestId).withHeader("smithy-protocol", "rpc-v2-cbor");
        return service.queryCompatible() ? Documents.withQueryError(response, error) : response;
    }

    @Override
    public AwsError malformedInput() {
        return AwsError.SERIALIZATION;
    }
}
