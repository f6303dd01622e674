package io.watchpost.wire.codec;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.watchpost.wire.WireRequest;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * The {@code aws-chunked} content encoding S3 clients use for streaming uploads: chunks of
 * {@code <hex size>[;chunk-signature=<sig>]\r\n<bytes>\r\n}, a final zero-size chunk, then optional trailer
 * lines ({@code x-amz-checksum-crc32:...}) and an empty line. Decoding recovers the object bytes. Chunk
 * signatures and trailing checksums are not verified (the seed signature of the request is); a body whose
 * decoded length differs from {@code x-amz-decoded-content-length} is rejected.
 */
public final class AwsChunked {
    private AwsChunked() {}

    /** Whether the request body is aws-chunked (by its content encoding or its streaming payload hash). */
    public static boolean applies(WireRequest request) {
        String encoding = request.header("Content-Encoding").orElse("").toLowerCase(Locale.ROOT);
        return encoding.contains("aws-chunked")
                || request.header("x-amz-content-sha256").orElse("").startsWith("STREAMING-");
    }

    public static byte[] decode(byte[] body, long expectedLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(expectedLength > 0 && expectedLength < body.length
                ? (int) expectedLength : body.length);
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrlf(body, at);
            if (lineEnd < 0) {
                throw new CodecException("aws-chunked body ends inside a chunk header");
            }
            String header = new String(body, at, lineEnd - at, US_ASCII);
            int semicolon = header.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? header : header.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new CodecException("aws-chunked chunk size is not hexadecimal: " + header);
            }
            at = lineEnd + 2;
            if (size == 0) {
                break;
            }
            if (size < 0 || size > body.length - at) {
                throw new CodecException("aws-chunked chunk of " + size + " bytes overruns the body");
            }
            out.write(body, at, (int) size);
            at += (int) size;
            if (at + 2 > body.length || body[at] != '\r' || body[at + 1] != '\n') {
                throw new CodecException("aws-chunked chunk is not followed by CRLF");
            }
            at += 2;
        }
        // What follows the last chunk is trailer lines (checksums), not content.
        if (expectedLength >= 0 && out.size() != expectedLength) {
            throw new CodecException("aws-chunked body decodes to " + out.size()
                    + " bytes but x-amz-decoded-content-length is " + expectedLength);
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
