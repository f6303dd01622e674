package io.watchpost.cloudtrail.recorder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The record-log key of a CloudTrail record: everything LookupEvents filters on, so that a lookup decodes this small
 * key for every record it scans and parses the record JSON (the value) only for the events it returns.
 *
 * <p><b>Encoding (version 1)</b>, big-endian: {@code u8 version = 1}; then the strings {@code accountId},
 * {@code region}, {@code eventId}, {@code eventName}, {@code eventSource}, {@code accessKeyId}, {@code username},
 * each as {@code u16 length} + UTF-8 bytes; {@code u8 flags} (bit 0 management event, bit 1 read-only);
 * {@code u16 resourceCount}, then per resource its {@code type} and {@code name} as above. Strings longer than
 * 65,535 bytes cannot be encoded (AWS names are far shorter).
 */
public record EventKey(String accountId, String region, String eventId, String eventName, String eventSource,
        String accessKeyId, String username, boolean management, boolean readOnly, List<ResourceRef> resources,
        boolean insight, boolean error) {
    private static final byte VERSION = 1;

    /** An API call's key (not an Insights event) that succeeded. */
    public EventKey(String accountId, String region, String eventId, String eventName, String eventSource,
            String accessKeyId, String username, boolean management, boolean readOnly, List<ResourceRef> resources) {
        this(accountId, region, eventId, eventName, eventSource, accessKeyId, username, management, readOnly,
                resources, false, false);
    }

    public EventKey {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(region, "region is null");
        requireNonNull(eventId, "eventId is null");
        requireNonNull(eventName, "eventName is null");
        requireNonNull(eventSource, "eventSource is null");
        requireNonNull(accessKeyId, "accessKeyId is null");
        requireNonNull(username, "username is null");
        resources = List.copyOf(resources);
    }

    public byte[] encode() {
        List<byte[]> strings = new ArrayList<>(7 + 2 * resources.size());
        for (String s : List.of(accountId, region, eventId, eventName, eventSource, accessKeyId, username)) {
            strings.add(utf8(s));
        }
        for (ResourceRef resource : resources) {
            strings.add(utf8(resource.type()));
            strings.add(utf8(resource.name()));
        }
        int size = 1 + 1 + 2 + strings.stream().mapToInt(b -> 2 + b.length).sum();
        ByteBuffer out = ByteBuffer.allocate(size).put(VERSION);
        for (int i = 0; i < 7; i++) {
            put(out, strings.get(i));
        }
        out.put((byte) ((management ? 1 : 0) | (readOnly ? 2 : 0) | (insight ? 4 : 0) | (error ? 8 : 0))).putShort((short) resources.size());
        for (int i = 7; i < strings.size(); i++) {
            put(out, strings.get(i));
        }
        return out.array();
    }

    /** Decodes a key written by {@link #encode()}; throws {@link IllegalArgumentException} for anything else. */
    public static EventKey decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.get() != VERSION) {
                throw new IllegalArgumentException("unknown CloudTrail key version");
            }
            String[] s = new String[7];
            for (int i = 0; i < s.length; i++) {
                s[i] = get(in);
            }
            int flags = in.get();
            int count = Short.toUnsignedInt(in.getShort());
            List<ResourceRef> resources = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                resources.add(new ResourceRef(get(in), get(in)));
            }
            return new EventKey(s[0], s[1], s[2], s[3], s[4], s[5], s[6], (flags & 1) != 0, (flags & 2) != 0,
                    resources, (flags & 4) != 0, (flags & 8) != 0);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated CloudTrail key", e);
        }
    }

    private static byte[] utf8(String s) {
        byte[] bytes = s.getBytes(UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("key field longer than 65535 bytes");
        }
        return bytes;
    }

    private static void put(ByteBuffer out, byte[] bytes) {
        out.putShort((short) bytes.length).put(bytes);
    }

    private static String get(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        String s = new String(in.array(), in.position(), length, UTF_8);
        in.position(in.position() + length);
        return s;
    }
}
