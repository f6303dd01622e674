package io.watchpost.wire.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.api.StreamingInput;
import io.watchpost.core.api.StreamingOutput;
import io.watchpost.wire.WireRequest;
import io.watchpost.wire.WireResponse;
import io.watchpost.wire.codec.AwsChunked;
import io.watchpost.wire.codec.CodecException;
import io.watchpost.wire.codec.FormParameters;
import io.watchpost.wire.codec.Pojos;
import io.watchpost.wire.codec.XmlShapeDecoder;
import io.watchpost.wire.model.OperationModel;
import io.watchpost.wire.model.Protocol;
import io.watchpost.wire.model.ServiceModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.RequiredTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;

/**
 * restXml as S3 speaks it (path-style {@code /{Bucket}/{Key+}}): members bound to the path, query string and
 * headers (including the {@code x-amz-meta-} prefix map), one payload member as an XML document, a string or
 * bytes. The bodies of PutObject and GetObject are outside the SDK's POJOs, so PutObject's handler receives a
 * {@link StreamingInput} and GetObject's returns a {@link StreamingOutput}. {@code aws-chunked} uploads are
 * decoded ({@link AwsChunked}). Errors are S3's {@code <Error><Code/><Message/><RequestId/>...}. Stateless.
 */
public final class RestXmlCodec implements ProtocolCodec {
    /** Operations whose request body is an object's bytes, not a member of the request class. */
    private static final Set<String> STREAMING_INPUT = Set.of("PutObject", "UploadPart");

    @Override
    public Protocol protocol() {
        return Protocol.REST_XML;
    }

    /** Per operation, the query parameters and headers its request requires; see {@link #accepts}. */
    private final Map<String, List<String>> requiredQuery = new ConcurrentHashMap<>();
    private final Map<String, List<String>> requiredHeaders = new ConcurrentHashMap<>();

    /**
     * Whether {@code operation} can answer {@code request} beyond method and URI template: S3 operations that
     * share a template differ by required query members (AbortMultipartUpload's {@code uploadId} beside
     * DeleteObject) or required headers (CopyObject's {@code x-amz-copy-source} beside PutObject).
     */
    public boolean accepts(OperationModel operation, WireRequest request) {
        List<String> query = requiredQuery.computeIfAbsent(operation.name(),
                name -> required(operation, MarshallLocation.QUERY_PARAM));
        List<String> headers = requiredHeaders.computeIfAbsent(operation.name(),
                name -> required(operation, MarshallLocation.HEADER));
        if (!headers.stream().allMatch(header -> request.header(header).isPresent())) {
            return false;
        }
        if (query.isEmpty()) {
            return true;
        }
        Map<String, List<String>> present = FormParameters.parseAll(request.rawQuery());
        return present.keySet().containsAll(query);
    }

    /**
     * How many query members and headers {@code operation} requires: among operations with equally specific URI
     * templates, the one that requires more is tried first, so UploadPartCopy wins over CopyObject and UploadPart
     * over PutObject for a request that carries what both accept.
     */
    public int requirements(OperationModel operation) {
        return required(operation, MarshallLocation.QUERY_PARAM).size()
                + required(operation, MarshallLocation.HEADER).size();
    }

    private static List<String> required(OperationModel operation, MarshallLocation location) {
        return operation.requestBuilder().get().sdkFields().stream()
                .filter(f -> f.location() == location && f.containsTrait(RequiredTrait.class))
                .map(SdkField::locationName).toList();
    }

    @Override
    public Object decode(OperationModel operation, WireRequest request, byte[] body, Map<String, String> path) {
        SdkPojo builder = operation.requestBuilder().get();
        SdkField<?> payload = RestXmlBindings.bind(builder, request, path);
        byte[] content = AwsChunked.applies(request) ? AwsChunked.decode(body, decodedLength(request)) : body;
        if (payload != null) {
            setPayload(builder, payload, content);
        }
        Object pojo = Pojos.build(builder);
        return STREAMING_INPUT.contains(operation.name()) ? new StreamingInput<>(pojo, content) : pojo;
    }

    private static long decodedLength(WireRequest request) {
        String value = request.header("x-amz-decoded-content-length").orElse(null);
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new CodecException("x-amz-decoded-content-length is not a number: " + value);
        }
    }

    private static void setPayload(SdkPojo builder, SdkField<?> field, byte[] body) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_BYTES) {
            field.set(builder, SdkBytes.fromByteArray(body));
        } else if (type == MarshallingType.STRING) {
            field.set(builder, new String(body, UTF_8));
        } else if (type == MarshallingType.SDK_POJO && body.length > 0) {
            SdkPojo nested = Pojos.newBuilder(field);
            XmlShapeDecoder.fill(nested, XmlShapeDecoder.parse(body));
            field.set(builder, Pojos.build(nested));
        }
    }

    @Override
    public WireResponse success(ServiceModel service, OperationModel operation, Object response, String requestId) {
        byte[] streamed = response instanceof StreamingOutput<?> output ? output.body() : null;
        SdkPojo pojo = (SdkPojo) (response instanceof StreamingOutput<?> output ? output.response() : response);
        Map<String, String> headers = RestXmlBindings.headers(pojo);
        int status = operation.successStatus();
        byte[] body;
        String contentType = "application/xml";
        if (streamed != null) {
            body = streamed;
            contentType = null;
            status = headers.containsKey("Content-Range") ? 206 : status;
        } else if (status == 204) {
            body = new byte[0];
            contentType = null;
        } else {
            body = RestXmlBindings.payload(operation, pojo, service.xmlNamespace().orElse(null));
            if (body.length == 0) {
                contentType = null;
            } else if (RestXmlBindings.payloadMember(pojo) != null
                    && RestXmlBindings.payloadMember(pojo).marshallingType() != MarshallingType.SDK_POJO) {
                contentType = "application/json";
            }
        }
        WireResponse wire = WireResponse.of(status, contentType, body, requestId)
                .withHeader("x-amz-request-id", requestId);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            wire = wire.withHeader(header.getKey(), header.getValue());
        }
        return wire;
    }

    @Override
    public WireResponse error(ServiceModel service, AwsException error, String requestId) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>");
        io.watchpost.wire.codec.XmlShapeEncoder.element(xml, "Code", error.error().code());
        io.watchpost.wire.codec.XmlShapeEncoder.element(xml, "Message", String.valueOf(error.getMessage()));
        error.fields().forEach((name, value) ->
                io.watchpost.wire.codec.XmlShapeEncoder.element(xml, name, String.valueOf(value)));
        io.watchpost.wire.codec.XmlShapeEncoder.element(xml, "RequestId", requestId);
        io.watchpost.wire.codec.XmlShapeEncoder.element(xml, "HostId", requestId);
        xml.append("</Error>");
        return WireResponse.text(error.error().httpStatus(), "application/xml", xml.toString(), requestId)
                .withHeader("x-amz-request-id", requestId);
    }

    @Override
    public AwsError malformedInput() {
        return AwsError.S3_MALFORMED_XML;
    }
}
