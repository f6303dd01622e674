package io.watchpost.xray.otlp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.watchpost.core.Scope;
import io.watchpost.xray.traces.TraceService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The OTLP/HTTP traces endpoint ({@code POST /v1/traces}, as X-Ray's own OTLP endpoint): decodes an
 * ExportTraceServiceRequest in {@code application/x-protobuf} or {@code application/json} (optionally
 * {@code Content-Encoding: gzip}), turns every span into a segment document with {@link SpanTranslator} and
 * ingests it for one account and region (unsigned requests belong to the account and region the endpoint was
 * built with, as the daemon's do). Answers an ExportTraceServiceResponse in the request's encoding, with
 * {@code partial_success} counting the spans refused; a request that cannot be decoded at all is refused whole
 * with HTTP 400 and a {@code google.rpc.Status}. Bodies are bounded to {@value #MAX_BODY_BYTES} bytes before
 * and after decompression. Thread-safe.
 */
public final class OtlpTraceReceiver {
    public static final String PATH = "/v1/traces";
    /** Largest request body, compressed or not (guessed: X-Ray does not document its OTLP limit). */
    public static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
    private static final String PROTOBUF = "application/x-protobuf";
    private static final String JSON = "application/json";
    /** google.rpc.Code INVALID_ARGUMENT. */
    private static final int INVALID_ARGUMENT = 3;

    private final TraceService traces;
    private final Scope scope;

    /** The HTTP answer: status, content type and body. */
    public record Response(int status, String contentType, byte[] body) {}

    public OtlpTraceReceiver(TraceService traces, Scope scope) {
        this.traces = requireNonNull(traces, "traces is null");
        this.scope = requireNonNull(scope, "scope is null");
    }

    /**
     * Handles one request; {@code body} is null when it was larger than {@link #MAX_BODY_BYTES} (the caller stops
     * reading there).
     */
    public Response export(String method, String contentType, String contentEncoding, byte[] body) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean json = type.equals(JSON);
        if (!"POST".equals(method)) {
            return status(405, json, "Method " + method + " is not allowed; use POST");
        }
        if (!json && !type.equals(PROTOBUF)) {
            return status(415, false, "Unsupported Content-Type \"" + type + "\": use " + PROTOBUF + " or " + JSON);
        }
        if (body == null) {
            return status(413, json, "Request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            byte[] plain = decompress(contentEncoding, body);
            List<OtlpSpan> spans = json ? OtlpJson.decode(plain) : OtlpProtobuf.decode(plain);
            return accepted(json, ingest(spans));
        } catch (OtlpException e) {
            return status(e.httpStatus(), json, e.getMessage());
        }
    }

    /** What became of the spans: how many were refused and the first reason. */
    record Outcome(long rejected, String firstReason) {}

    Outcome ingest(List<OtlpSpan> spans) {
        long rejected = 0;
        String first = null;
        for (OtlpSpan span : spans) {
            String reason = switch (SpanTranslator.translate(span)) {
                case SpanTranslator.Refused refused -> refused.reason();
                case SpanTranslator.Translated translated -> traces.ingest(scope, translated.document().toString())
                        .map(unprocessed -> "span " + span.spanId() + ": " + unprocessed.message()).orElse(null);
            };
            if (reason != null) {
                rejected++;
                first = first == null ? reason : first;
            }
        }
        return new Outcome(rejected, first);
    }

    private static byte[] decompress(String encoding, byte[] body) {
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return body;
        }
        if (!encoding.strip().equalsIgnoreCase("gzip")) {
            throw new OtlpException("Unsupported Content-Encoding \"" + encoding + "\": use gzip or none");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] plain = in.readNBytes(MAX_BODY_BYTES + 1);
            if (plain.length > MAX_BODY_BYTES) {
                throw new OtlpException(413, "Request body is larger than " + MAX_BODY_BYTES + " bytes decompressed");
            }
            return plain;
        } catch (IOException e) {
            throw new OtlpException("Invalid gzip request body");
        }
    }

    private static Response accepted(boolean json, Outcome outcome) {
        if (json) {
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            if (outcome.rejected() > 0) {
                response.putObject("partialSuccess").put("rejectedSpans", Long.toString(outcome.rejected()))
                        .put("errorMessage", outcome.firstReason());
            }
            return new Response(200, JSON, response.toString().getBytes(StandardCharsets.UTF_8));
        }
        ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
        if (outcome.rejected() > 0) {
            response.setPartialSuccess(ExportTracePartialSuccess.newBuilder().setRejectedSpans(outcome.rejected())
                    .setErrorMessage(outcome.firstReason()));
        }
        return new Response(200, PROTOBUF, response.build().toByteArray());
    }

    /** A {@code google.rpc.Status} (code INVALID_ARGUMENT) in the request's encoding. */
    private static Response status(int httpStatus, boolean json, String message) {
        if (json) {
            ObjectNode status = JsonNodeFactory.instance.objectNode().put("code", INVALID_ARGUMENT)
                    .put("message", message);
            return new Response(httpStatus, JSON, status.toString().getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.writeInt32(1, INVALID_ARGUMENT);
            out.writeBytes(2, ByteString.copyFromUtf8(message));
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Response(httpStatus, PROTOBUF, bytes.toByteArray());
    }
}
