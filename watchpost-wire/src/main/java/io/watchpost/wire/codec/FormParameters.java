package io.watchpost.wire.codec;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code application/x-www-form-urlencoded} text and URL query strings, bounded in size. */
public final class FormParameters {
    /** More parameters than this are refused before decoding; a full PutMetricData stays far below it. */
    public static final int MAX_PARAMETERS = 20_000;

    private FormParameters() {}

    /** The first value of each name, in order of appearance. */
    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        parseAll(text).forEach((name, all) -> values.put(name, all.get(0)));
        return values;
    }

    /** Every value of each name, in order of appearance. */
    public static Map<String, List<String>> parseAll(String text) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        int count = 0;
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_PARAMETERS) {
                throw new CodecException("Too many parameters (more than " + MAX_PARAMETERS + ")");
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new CodecException("Malformed percent-encoding in '" + text + "'");
        }
    }
}
