package io.watchpost.wire;

import static java.util.Objects.requireNonNull;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import io.watchpost.core.RequestContext;
import io.watchpost.core.api.ApiHandler;
import io.watchpost.core.api.ApiHandlers;
import io.watchpost.core.port.ApiCallRecorder;
import io.watchpost.wire.auth.Authenticator;
import io.watchpost.wire.auth.SignedRequest;
import io.watchpost.wire.codec.CodecException;
import io.watchpost.wire.model.OperationModel;
import io.watchpost.wire.model.ServiceCatalog;
import io.watchpost.wire.model.ServiceModel;
import io.watchpost.wire.protocol.ProtocolCodec;
import io.watchpost.wire.protocol.RestXmlCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * The request path of ARCHITECTURE §3, independent of the HTTP server: limits and gzip → route → authenticate →
 * decode → dispatch → encode → record. Bad input of any kind becomes the protocol's client error; only a bug
 * becomes {@code InternalFailure}. Thread-safe; one instance serves every connection.
 */
public final class RequestProcessor {
    private static final System.Logger LOG = System.getLogger(RequestProcessor.class.getName());

    private final Router router;
    private final Map<String, ApiHandlers> handlers;
    private final Authenticator authenticator;
    private final ApiCallRecorder recorder;
    private final Clock clock;
    private final WireLimits limits;

    /**
     * @param handlers each service's handlers by endpoint prefix; a service without an entry answers every
     *     operation with "not implemented"
     */
    public RequestProcessor(ServiceCatalog catalog, Map<String, ApiHandlers> handlers, Authenticator authenticator,
            ApiCallRecorder recorder, Clock clock, WireLimits limits) {
        this.router = new Router(catalog);
        this.handlers = Map.copyOf(handlers);
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
        this.recorder = requireNonNull(recorder, "recorder is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    /** The answer to a request whose body exceeds {@link WireLimits#maxBodyBytes()}, before it is read. */
    public WireResponse tooLarge() {
        return Fallback.error(new AwsException(AwsError.REQUEST_ENTITY_TOO_LARGE,
                "Request body exceeds the limit of " + limits.maxBodyBytes() + " bytes"), UUID.randomUUID().toString());
    }

    /** The answer to an object upload above {@link WireLimits#maxObjectBodyBytes()}, in S3's own error form. */
    public WireResponse objectTooLarge() {
        AwsException error = new AwsException(AwsError.S3_ENTITY_TOO_LARGE,
                "Your proposed upload exceeds the maximum allowed size",
                java.util.Map.of("MaxSizeAllowed", String.valueOf(limits.maxObjectBodyBytes())));
        return S3_ERRORS.error(null, error, UUID.randomUUID().toString());
    }

    /** S3's answer when object uploads in flight already hold their memory budget: clients back off and retry. */
    public WireResponse slowDown() {
        return S3_ERRORS.error(null, new AwsException(AwsError.S3_SLOW_DOWN, "Please reduce your request rate."),
                UUID.randomUUID().toString());
    }

    private static final RestXmlCodec S3_ERRORS = new RestXmlCodec();

    public WireResponse handle(WireRequest request) {
        String requestId = UUID.randomUUID().toString();
        boolean objectUpload = WireLimits.signedForS3(request.header("Authorization").orElse(null),
                request.rawQuery());
        if (request.body().length > (objectUpload ? limits.maxObjectBodyBytes() : limits.maxBodyBytes())) {
            return objectUpload ? objectTooLarge() : tooLarge();
        }
        byte[] body;
        Optional<SignedRequest> signed;
        Optional<Route> route;
        try {
            signed = SignedRequest.parse(request);
            body = signedForS3(signed) ? request.body() : decodeBody(request);
            route = router.route(request, body, signed);
        } catch (AwsException e) {
            return Fallback.error(e, requestId);
        } catch (CodecException e) {
            return Fallback.error(new AwsException(AwsError.SERIALIZATION, e.getMessage()), requestId);
        }
        if (route.isEmpty()) {
            return Fallback.error(new AwsException(AwsError.UNKNOWN_OPERATION,
                    "No AWS operation of Watchpost answers " + request.method() + " " + request.rawPath()),
                    requestId);
        }
        return dispatch(request, body, signed, route.get(), requestId);
    }

    private WireResponse dispatch(WireRequest request, byte[] body, Optional<SignedRequest> signed, Route route,
            String requestId) {
        ServiceModel service = route.service();
        ProtocolCodec codec = route.codec();
        RequestContext context = null;
        Object input = null;
        try {
            Authenticator.Authenticated caller = authenticator.authenticate(request, signed,
                    errorStyle(service));
            OperationModel operation = route.operation().orElseThrow(() -> unknownOperation(route));
            context = new RequestContext(requestId, caller.principal(), caller.region(), service.endpointPrefix(),
                    operation.name(), request.remoteAddress(), request.header("User-Agent").orElse(""),
                    clock.instant());
            ApiHandler<Object, Object> handler = handlerFor(service, operation);
            input = decode(codec, operation, request, body, route);
            Object output = handler.handle(context, input);
            WireResponse response = codec.success(service, operation, output, requestId);
            record(context, service, input, output, null);
            return response;
        } catch (AwsException e) {
            if (context != null) {
                record(context, service, input, null, e);
            }
            return codec.error(service, e, requestId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "internal failure in " + service.endpointPrefix() + "."
                    + route.operationName() + " (request " + requestId + ")", e);
            AwsException failure = new AwsException(AwsError.INTERNAL_FAILURE,
                    "The request processing has failed because of an unknown error, exception or failure.");
            if (context != null) {
                record(context, service, input, null, failure);
            }
            return codec.error(service, failure, requestId);
        }
    }

    private static Authenticator.ErrorStyle errorStyle(ServiceModel service) {
        if (service.queryCompatible()) {
            return Authenticator.ErrorStyle.QUERY;
        }
        if (service.protocols().contains(io.watchpost.wire.model.Protocol.REST_XML)) {
            return Authenticator.ErrorStyle.S3;
        }
        return service.protocols().contains(io.watchpost.wire.model.Protocol.REST_JSON)
                ? Authenticator.ErrorStyle.REST_JSON : Authenticator.ErrorStyle.JSON;
    }

    private static Object decode(ProtocolCodec codec, OperationModel operation, WireRequest request, byte[] body,
            Route route) {
        try {
            return codec.decode(operation, request, body, route.pathVariables());
        } catch (CodecException e) {
            throw new AwsException(codec.malformedInput(), e.getMessage());
        }
    }

    private ApiHandler<Object, Object> handlerFor(ServiceModel service, OperationModel operation) {
        ApiHandlers serviceHandlers = handlers.get(service.endpointPrefix());
        Optional<ApiHandler<Object, Object>> handler = serviceHandlers == null ? Optional.empty()
                : serviceHandlers.find(operation.requestClass());
        return handler.orElseThrow(() -> new AwsException(AwsError.NOT_IMPLEMENTED,
                "Watchpost does not implement " + service.sdkName() + " " + operation.name() + " yet."));
    }

    private static AwsException unknownOperation(Route route) {
        if (route.service().untypedOperations().contains(route.operationName())) {
            return new AwsException(AwsError.NOT_IMPLEMENTED, "Watchpost does not implement "
                    + route.service().sdkName() + " " + route.operationName() + " yet.");
        }
        if (route.codec().protocol() == io.watchpost.wire.model.Protocol.AWS_QUERY) {
            return new AwsException(AwsError.INVALID_ACTION,
                    "The action " + route.operationName() + " is not valid for this web service.");
        }
        return new AwsException(AwsError.UNKNOWN_OPERATION,
                "Operation " + route.operationName() + " is not known to " + route.service().sdkName() + ".");
    }

    private void record(RequestContext context, ServiceModel service, Object input, Object output,
            AwsException error) {
        if (recorder == ApiCallRecorder.NONE) {
            return;
        }
        String name = context.operation();
        boolean readOnly = name.startsWith("Describe") || name.startsWith("Get") || name.startsWith("List")
                || name.startsWith("Lookup") || name.startsWith("BatchGet") || name.startsWith("Filter")
                || name.startsWith("Test");
        recorder.record(new ApiCallRecorder.ApiCall(context, service.eventSource(), readOnly,
                () -> Rendering.json(input), () -> Rendering.json(output),
                Optional.ofNullable(error).map(e -> e.error().code()),
                Optional.ofNullable(error).map(Throwable::getMessage)));
    }

    /**
     * S3's {@code Content-Encoding} describes the object (a gzip file uploaded as such), not the transfer: its bodies
     * are stored as sent, never decoded.
     */
    private static boolean signedForS3(Optional<SignedRequest> signed) {
        return signed.map(SignedRequest::service).filter("s3"::equals).isPresent();
    }

    private byte[] decodeBody(WireRequest request) {
        String encoding = request.header("Content-Encoding").orElse("").trim();
        if (!encoding.equalsIgnoreCase("gzip")) {
            return request.body();
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(request.body()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(request.body().length * 4);
            byte[] buffer = new byte[16 * 1024];
            int total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limits.maxDecodedBodyBytes()) {
                    throw new AwsException(AwsError.REQUEST_ENTITY_TOO_LARGE, "Decompressed request body exceeds "
                            + limits.maxDecodedBodyBytes() + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new CodecException("Content-Encoding is gzip but the body is not valid gzip");
        }
    }
}
