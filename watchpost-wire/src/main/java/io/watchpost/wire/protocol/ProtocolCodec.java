package io.watchpost.wire.protocol;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.wire.WireRequest;
import io.watchpost.wire.WireResponse;
import io.watchpost.wire.model.OperationModel;
import io.watchpost.wire.model.Protocol;
import io.watchpost.wire.model.ServiceModel;
import java.util.Map;

/**
 * One AWS wire protocol: decodes a request into the operation's SDK request object and encodes the SDK
 * response object, or an error, as that protocol's clients expect.
 */
public interface ProtocolCodec {
    Protocol protocol();

    /**
     * Decodes {@code body} (already gunzipped) into the request object of {@code operation}.
     *
     * @param pathVariables values routing already bound: the URI template's variables (REST protocols) or the
     *     parsed form parameters (awsQuery); empty for the other protocols
     * @throws io.watchpost.wire.codec.CodecException when the input does not fit the shape
     */
    Object decode(OperationModel operation, WireRequest request, byte[] body, Map<String, String> pathVariables);

    WireResponse success(ServiceModel service, OperationModel operation, Object response, String requestId);

    WireResponse error(ServiceModel service, AwsException error, String requestId);

    /** The error a client of this protocol gets for a body or parameter that does not fit the shape. */
    AwsError malformedInput();
}
