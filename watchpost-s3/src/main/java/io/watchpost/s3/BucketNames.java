package io.watchpost.s3;

import io.watchpost.core.AwsError;
import io.watchpost.core.AwsException;
import java.util.regex.Pattern;

/**
 * S3's general-purpose bucket naming rules: 3–63 characters of lower-case letters, digits, dots and hyphens,
 * starting and ending with a letter or digit, no two adjacent dots, not an IPv4 address, and none of the
 * reserved prefixes and suffixes.
 */
final class BucketNames {
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private BucketNames() {}

    static void check(String name) {
        if (name == null || !SHAPE.matcher(name).matches() || name.contains("..") || IP.matcher(name).matches()
                || name.startsWith("xn--") || name.startsWith("sthree-") || name.startsWith("amzn-s3-demo-")
                || name.endsWith("-s3alias") || name.endsWith("--ol-s3") || name.endsWith(".mrap")
                || name.endsWith("--x-s3") || name.endsWith("--table-s3")) {
            throw new AwsException(AwsError.S3_INVALID_BUCKET_NAME, "The specified bucket is not valid.");
        }
    }
}
