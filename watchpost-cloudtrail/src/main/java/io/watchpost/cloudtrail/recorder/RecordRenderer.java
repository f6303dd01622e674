package io.watchpost.cloudtrail.recorder;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.watchpost.core.Principal;
import io.watchpost.core.RequestContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Writes one CloudTrail record in AWS's field order. Not thread-safe only in the sense that it holds no state: one
 * instance serves the recorder thread.
 *
 * <p>{@code responseElements} is written only for calls that change state and succeeded (AWS: "If an action does not
 * change state ... this element is omitted"); a rendered member above {@link #MAX_ELEMENT_BYTES} is omitted too
 * (written as {@code null}). {@code tlsDetails} is omitted: Watchpost speaks plain HTTP.
 */
final class RecordRenderer {
    /** CloudTrail's record format version for management and data events ("the current version is 1.11"). */
    static final String EVENT_VERSION = "1.11";
    /** AWS caps requestParameters and responseElements at 100 KB. */
    static final int MAX_ELEMENT_BYTES = 100 * 1024;
    static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final JsonFactory factory = new JsonFactory();

    /** The parts of a record that are not in the {@link io.watchpost.core.port.ApiCallRecorder.ApiCall} itself. */
    record Rendering(Instant eventTime, String eventId, EventCategories.Category category,
            Optional<String> requestParameters, Optional<String> responseElements) {}

    byte[] render(io.watchpost.core.port.ApiCallRecorder.ApiCall call, Rendering r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = factory.createGenerator(out)) {
            RequestContext ctx = call.context();
            g.writeStartObject();
            g.writeStringField("eventVersion", EVENT_VERSION);
            writeIdentity(g, ctx.principal());
            g.writeStringField("eventTime", EVENT_TIME.format(r.eventTime()));
            g.writeStringField("eventSource", call.eventSource());
            g.writeStringField("eventName", ctx.operation());
            g.writeStringField("awsRegion", ctx.region());
            g.writeStringField("sourceIPAddress", ctx.sourceIp());
            g.writeStringField("userAgent", ctx.userAgent());
            if (call.errorCode().isPresent()) {
                g.writeStringField("errorCode", call.errorCode().get());
                g.writeStringField("errorMessage", call.errorMessage().orElse(""));
            }
            writeRaw(g, "requestParameters", r.requestParameters());
            writeRaw(g, "responseElements", r.responseElements());
            g.writeStringField("requestID", ctx.requestId());
            g.writeStringField("eventID", r.eventId());
            g.writeBooleanField("readOnly", call.readOnly());
            writeTail(g, ctx, r.category());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    private static void writeIdentity(JsonGenerator g, Principal principal) throws IOException {
        g.writeObjectFieldStart("userIdentity");
        g.writeStringField("type", "IAMUser");
        g.writeStringField("principalId", principalId(principal));
        g.writeStringField("arn", principal.arn());
        g.writeStringField("accountId", principal.accountId());
        g.writeStringField("accessKeyId", principal.accessKeyId());
        g.writeStringField("userName", principal.userName());
        g.writeEndObject();
    }

    private static void writeTail(JsonGenerator g, RequestContext ctx, EventCategories.Category category)
            throws IOException {
        boolean data = category instanceof EventCategories.Category.Data;
        if (category instanceof EventCategories.Category.Data(String resourceType)) {
            g.writeArrayFieldStart("resources");
            g.writeStartObject();
            g.writeStringField("type", resourceType);
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeStringField("eventType", "AwsApiCall");
        g.writeBooleanField("managementEvent", !data);
        g.writeStringField("recipientAccountId", ctx.principal().accountId());
        g.writeStringField("eventCategory", data ? "Data" : "Management");
    }

    private static void writeRaw(JsonGenerator g, String field, Optional<String> json) throws IOException {
        g.writeFieldName(field);
        if (json.isPresent()) {
            g.writeRawValue(json.get());
        } else {
            g.writeNull();
        }
    }

    /** Keeps a rendered member only when it is within AWS's size cap. */
    static Optional<String> capped(Optional<String> json) {
        return json.filter(s -> s.length() <= MAX_ELEMENT_BYTES && s.getBytes(UTF_8).length <= MAX_ELEMENT_BYTES);
    }

    /**
     * An IAM user's unique id as CloudTrail shows it ({@code AIDA} + 17 characters); Watchpost has no IAM, so the id
     * is derived from the account and user name and is stable across restarts.
     */
    static String principalId(Principal principal) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256")
                    .digest((principal.accountId() + ':' + principal.userName()).getBytes(UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder id = new StringBuilder("AIDA");
        for (int i = 0; i < 17; i++) {
            id.append(alphabet.charAt((hash[i] & 0xFF) % 32));
        }
        return id.toString();
    }
}
