package io.watchpost.s3;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP byte range ({@code bytes=first-last}, {@code bytes=first-}, {@code bytes=-suffixLength}) resolved
 * against an object's size; both ends inclusive. As in S3, a header that does not parse or names several ranges
 * is ignored (the whole object is returned), and a range that starts past the end is not satisfiable.
 */
record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** The range to serve, or null for the whole object. */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return null;
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw unsatisfiable(header, size);
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size) {
                throw unsatisfiable(header, size);
            }
            return last < first ? null : new ByteRange(first, last);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** S3's error names the range asked for and the object's size, as extra elements of {@code <Error>}. */
    private static AwsException unsatisfiable(String header, long size) {
        return new AwsException(AwsError.S3_INVALID_RANGE, "The requested range is not satisfiable",
                Map.of("RangeRequested", header, "ActualObjectSize", String.valueOf(size)));
    }
}
