package io.watchpost.cloudtrail.lookup;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.watchpost.cloudtrail.recorder.StoredEvent;
import io.watchpost.core.AwsException;
import io.watchpost.core.PageTokens;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The NextToken of the newest-first event listings (LookupEvents, ListInsightsData): the last event's time and
 * offset, bound to a fingerprint of the parameters that produced the page, sealed by {@link PageTokens}.
 */
final class PageCursor {
    private PageCursor() {}

    static String encode(PageTokens tokens, StoredEvent last, String fingerprint) {
        return tokens.encode(last.eventTimeMillis() + ":" + last.offset() + ":" + fingerprint);
    }

    /** Where the previous page ended; {@code invalid} for a token that is forged, damaged or for other parameters. */
    static Optional<LookupQuery.Position> decode(PageTokens tokens, String token, String fingerprint,
            Supplier<AwsException> invalid) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = tokens.decode(token).map(p -> p.split(":", 3)).orElse(new String[0]);
        if (parts.length != 3 || !parts[2].equals(fingerprint)) {
            throw invalid.get();
        }
        try {
            return Optional.of(new LookupQuery.Position(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (NumberFormatException e) {
            throw invalid.get();
        }
    }

    /** A short hash of the parameters a token is bound to. */
    static String fingerprint(String parameters) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(parameters.getBytes(UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
