package io.watchpost.xray.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The daemon protocol's framing: one datagram is the header {@code {"format":"json","version":1}}, a newline, and
 * one segment document.
 */
final class DaemonHeader {
    private DaemonHeader() {}

    /** The document of a well-framed datagram of at most {@code max} bytes, or null. */
    static String body(byte[] buffer, int length, int max) {
        if (length > max) {
            return null;
        }
        int newline = -1;
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0 || !validHeader(utf8(buffer, 0, newline))) {
            return null;
        }
        return utf8(buffer, newline + 1, length);
    }

    private static String utf8(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    private static boolean validHeader(String header) {
        try {
            JsonNode node = DaemonJson.MAPPER.readTree(header);
            return node != null && node.path("format").asText().equals("json") && node.path("version").asInt() == 1;
        } catch (IOException e) {
            return false;
        }
    }
}
