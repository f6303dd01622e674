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
 * The Jetty side of the AWS APIs: reads the request (bounded by {@link WireLimits#maxBodyBytes()} before reading
 * more), hands it to the {@link RequestProcessor} and writes the answer. Runs on virtual threads, so reading and
 * the processor may block.
 */
final class ApiHandler extends Handler.Abstract {
    private final RequestProcessor processor;
    private final WireLimits limits;

    ApiHandler(RequestProcessor processor, WireLimits limits) {
        this.processor = requireNonNull(processor, "processor is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        byte[] body = readBody(request);
        WireResponse answer = body == null ? processor.tooLarge() : processor.handle(toWire(request, body));
        write(answer, response, callback);
        return true;
    }

    private byte[] readBody(Request request) throws IOException {
        long declared = request.getLength();
        if (declared > limits.maxBodyBytes()) {
            return null;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(limits.maxBodyBytes() + 1);
            return body.length > limits.maxBodyBytes() ? null : body;
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
