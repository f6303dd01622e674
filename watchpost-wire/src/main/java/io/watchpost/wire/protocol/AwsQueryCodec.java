package io.watchpost.wire.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.wire.WireRequest;
import io.watchpost.wire.WireResponse;
import io.watchpost.wire.codec.FormParameters;
import io.watchpost.wire.codec.Pojos;
import io.watchpost.wire.codec.QueryShapeDecoder;
import io.watchpost.wire.codec.XmlShapeEncoder;
import io.watchpost.wire.model.OperationModel;
import io.watchpost.wire.model.Protocol;
import io.watchpost.wire.model.ServiceModel;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * awsQuery: form-encoded parameters in the body (or the URL of a GET), answers in XML wrapped in
 * {@code <OpResponse><OpResult>…</OpResult><ResponseMetadata><RequestId>}; errors as {@code <ErrorResponse>}.
 */
public final class AwsQueryCodec implements ProtocolCodec {
    @Override
    public Protocol protocol() {
        return Protocol.AWS_QUERY;
    }

    /** The parameters of a query request: the URL's query merged with a form body. */
    public static Map<String, String> parameters(WireRequest request, byte[] body) {
        Map<String, String> parameters = FormParameters.parse(request.rawQuery());
        if (body.length > 0) {
            parameters.putAll(FormParameters.parse(new String(body, UTF_8)));
        }
        return parameters;
    }

    @Override
    public Object decode(OperationModel operation, WireRequest request, byte[] body, Map<String, String> routed) {
        // The router parsed the form to find the Action; Action and Version name no member of any input shape.
        Map<String, String> parameters = routed.isEmpty() ? parameters(request, body) : routed;
        SdkPojo builder = operation.requestBuilder().get();
        QueryShapeDecoder.fill(builder, parameters);
        return Pojos.build(builder);
    }

    @Override
    public WireResponse success(ServiceModel service, OperationModel operation, Object response, String requestId) {
        String name = operation.name();
        StringBuilder xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append('<').append(name).append("Response xmlns=\"").append(namespace(service)).append("\">");
        SdkPojo pojo = (SdkPojo) response;
        if (!pojo.sdkFields().isEmpty()) {
            XmlShapeEncoder.open(xml, name + "Result");
            XmlShapeEncoder.writeMembers(xml, pojo);
            XmlShapeEncoder.close(xml, name + "Result");
        }
        XmlShapeEncoder.open(xml, "ResponseMetadata");
        XmlShapeEncoder.element(xml, "RequestId", requestId);
        XmlShapeEncoder.close(xml, "ResponseMetadata");
        XmlShapeEncoder.close(xml, name + "Response");
        return WireResponse.text(200, "text/xml", xml.toString(), requestId);
    }

    @Override
    public WireResponse error(ServiceModel service, AwsException error, String requestId) {
        StringBuilder xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<ErrorResponse xmlns=\"").append(namespace(service)).append("\">");
        XmlShapeEncoder.open(xml, "Error");
        XmlShapeEncoder.element(xml, "Type", error.error().fault() == AwsError.Fault.SENDER ? "Sender" : "Receiver");
        XmlShapeEncoder.element(xml, "Code", error.error().code());
        XmlShapeEncoder.element(xml, "Message", String.valueOf(error.getMessage()));
        error.fields().forEach((name, value) -> writeField(xml, name, value));
        XmlShapeEncoder.close(xml, "Error");
        XmlShapeEncoder.element(xml, "RequestId", requestId);
        xml.append("</ErrorResponse>");
        return WireResponse.text(error.error().httpStatus(), "text/xml", xml.toString(), requestId);
    }

    private static void writeField(StringBuilder xml, String name, Object value) {
        if (value instanceof List<?> list) {
            XmlShapeEncoder.open(xml, name);
            for (Object element : list) {
                writeField(xml, "member", element);
            }
            XmlShapeEncoder.close(xml, name);
        } else if (value instanceof Map<?, ?> map) {
            XmlShapeEncoder.open(xml, name);
            map.forEach((key, member) -> writeField(xml, String.valueOf(key), member));
            XmlShapeEncoder.close(xml, name);
        } else {
            XmlShapeEncoder.element(xml, name, String.valueOf(value));
        }
    }

    private static String namespace(ServiceModel service) {
        return service.xmlNamespace().orElse("");
    }

    @Override
    public AwsError malformedInput() {
        return AwsError.CW_INVALID_PARAMETER_VALUE;
    }
}
