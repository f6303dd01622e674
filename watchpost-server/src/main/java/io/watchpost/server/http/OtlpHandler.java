package io.watchpost.server.http;

import static java.util.Objects.requireNonNull;

import io.watchpost.wire.WireResponse;
import io.watchpost.xray.otlp.OtlpTraceReceiver;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * OpenTelemetry's OTLP/HTTP traces path, {@code /v1/traces}, on the API port (X-Ray's OTLP endpoint has the same
 * path). The body is read only up to {@link OtlpTraceReceiver#MAX_BODY_BYTES}. Everything else goes to the next
 * handler.
 */
final class OtlpHandler extends Handler.Wrapper {
    private final OtlpTraceReceiver traces;

    OtlpHandler(Handler next, OtlpTraceReceiver traces) {
        super(next);
        this.traces = requireNonNull(traces, "traces is null");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!OtlpTraceReceiver.PATH.equals(request.getHttpURI().getPath())) {
            return super.handle(request, response, callback);
        }
        OtlpTraceReceiver.Response answer = traces.export(request.getMethod(),
                request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                request.getHeaders().get(HttpHeader.CONTENT_ENCODING), readBody(request));
        ApiHandler.write(new WireResponse(answer.status(), Map.of("Content-Type", answer.contentType()),
                answer.body()), response, callback);
        return true;
    }

    /** The body, or null when it is larger than the receiver accepts. */
    private static byte[] readBody(Request request) throws IOException {
        if (request.getLength() > OtlpTraceReceiver.MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(OtlpTraceReceiver.MAX_BODY_BYTES + 1);
            return body.length > OtlpTraceReceiver.MAX_BODY_BYTES ? null : body;
        }
    }
}
