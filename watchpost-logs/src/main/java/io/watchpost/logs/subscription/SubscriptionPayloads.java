package io.watchpost.logs.subscription;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The payloads AWS delivers to subscription destinations: gzip-compressed JSON with the members in AWS's order
 * ({@code messageType, owner, logGroup, logStream, subscriptionFilters, logEvents}). Kinesis and Firehose records
 * carry these bytes as they are (the Kinesis API shows them base64-encoded on the wire); Lambda receives them
 * base64-encoded inside {@code {"awslogs":{"data":...}}}. Stateless and thread-safe.
 */
public final class SubscriptionPayloads {
    /** AWS's owner of control messages. */
    static final String CONTROL_OWNER = "CloudwatchLogs";

    private static final JsonFactory JSON = new JsonFactory();

    private SubscriptionPayloads() {}

    /** One delivered log event: AWS's event id (a decimal string), its timestamp, its message. */
    public record LogEvent(String id, long timestamp, String message) {}

    /** A {@code DATA_MESSAGE}: the matching events of one batch of one stream, for the named filters. */
    public static byte[] data(String owner, String logGroup, String logStream, List<String> filterNames,
            List<LogEvent> events) {
        return gzipJson("DATA_MESSAGE", owner, logGroup, logStream, filterNames, events);
    }

    /**
     * The {@code CONTROL_MESSAGE} AWS sends to a Kinesis stream or Firehose delivery stream when a subscription is
     * put, to check that it accepts records (as captured from AWS by consumers of these streams).
     */
    public static byte[] control(DestinationKind kind, long timestamp) {
        String target = kind == DestinationKind.FIREHOSE ? "Firehose" : "Kinesis stream";
        LogEvent event = new LogEvent("", timestamp, "CWL CONTROL MESSAGE: Checking health of destination " + target + ".");
        return gzipJson("CONTROL_MESSAGE", CONTROL_OWNER, "", "", List.of(), List.of(event));
    }

    /** The event a Lambda function receives: {@code {"awslogs":{"data":"<base64 of the gzip payload>"}}}. */
    public static byte[] lambdaEvent(byte[] payload) {
        return ("{\"awslogs\":{\"data\":\"" + Base64.getEncoder().encodeToString(payload) + "\"}}").getBytes(UTF_8);
    }

    private static byte[] gzipJson(String messageType, String owner, String logGroup, String logStream,
            List<String> filterNames, List<LogEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes); JsonGenerator json = JSON.createGenerator(gzip)) {
            json.writeStartObject();
            json.writeStringField("messageType", messageType);
            json.writeStringField("owner", owner);
            json.writeStringField("logGroup", logGroup);
            json.writeStringField("logStream", logStream);
            json.writeArrayFieldStart("subscriptionFilters");
            for (String name : filterNames) {
                json.writeString(name);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("logEvents");
            for (LogEvent event : events) {
                json.writeStartObject();
                json.writeStringField("id", event.id());
                json.writeNumberField("timestamp", event.timestamp());
                json.writeStringField("message", event.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a subscription payload", e);
        }
        return bytes.toByteArray();
    }
}
