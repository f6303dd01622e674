package io.watchpost.server.http;

import static java.util.Objects.requireNonNull;

import io.watchpost.wire.RequestProcessor;
import io.watchpost.wire.WireLimits;
import io.watchpost.wire.WireRequest;
import io.watchpost.wire.WireResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Jetty side of the AWS APIs: reads the request (bounded by {@link WireLimits#maxBodyBytes()}, or for S3 object
 * uploads by {@link WireLimits#maxObjectBodyBytes()} and a shared in-flight budget, before reading more), hands it
 * to the {@link RequestProcessor} and writes the answer. Runs on virtual threads, so reading and
 * the processor may block.
 */
final class ApiHandler extends Handler.Abstract {
    private final RequestProcessor processor;
    private final WireLimits limits;
    /** In KiB: object bodies larger than the ordinary limit being read at once. */
    private final java.util.concurrent.Semaphore objectBudget;

    ApiHandler(RequestProcessor processor, WireLimits limits) {
        this.processor = requireNonNull(processor, "processor is null");
        this.limits = requireNonNull(limits, "limits is null");
        long kib = Math.max(limits.maxObjectBytesInFlight() / 1024, limits.maxObjectBodyBytes() / 1024 + 1);
        this.objectBudget = new java.util.concurrent.Semaphore(Math.toIntExact(kib));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String authorization = request.getHeaders().get("Authorization");
        String query = request.getHttpURI().getQuery();
        boolean object = WireLimits.signedForS3(authorization, query);
        int max = object ? limits.maxObjectBodyBytes() : limits.maxBodyBytes();
        long declared = request.getLength();
        if (declared > max) {
            write(object ? processor.objectTooLarge() : processor.tooLarge(), response, callback);
            return true;
        }
        // An object body above the ordinary limit holds a share of the in-flight budget while it is read and stored.
        long reserved = object && declared > limits.maxBodyBytes() ? declared : 0;
        if (reserved > 0 && !objectBudget.tryAcquire(Math.toIntExact(reserved / 1024 + 1))) {
            write(processor.slowDown(), response, callback);
            return true;
        }
        try {
            byte[] body = readBody(request, object && reserved == 0 ? limits.maxBodyBytes() : max);
            WireResponse answer = body == null ? (object ? processor.objectTooLarge() : processor.tooLarge())
                    : processor.handle(toWire(request, body));
            write(answer, response, callback);
        } finally {
            if (reserved > 0) {
                objectBudget.release(Math.toIntExact(reserved / 1024 + 1));
            }
        }
        return true;
    }

    /** The body, or null when it runs past {@code max} (a body of undeclared length is bounded as it is read). */
    private static byte[] readBody(Request request, int max) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(max + 1);
            return body.length > max ? null : body;
        }
    }

    private static WireRequest toWire(Request request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>(1)).add(field.getValue());
        }
        String path = request.getHttpURI().getPath();
        return new WireRequest(request.getMethod(), path == null || path.isEmpty() ? "/" : path,
                request.getHttpURI().getQuery(), headers, body, Request.getRemoteAddr(request));
    }

    static void write(WireResponse answer, Response response, Callback callback) {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }
}
