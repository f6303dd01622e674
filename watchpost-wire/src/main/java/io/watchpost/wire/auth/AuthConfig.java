package io.watchpost.wire.auth;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * How callers are authenticated. {@code OPEN}: any access key is accepted and maps to the default account;
 * {@code STRICT}: SigV4 signatures are verified against the configured keys, each of which belongs to one
 * account and user.
 */
public record AuthConfig(Mode mode, String defaultAccountId, Map<String, AccessKey> keys) {
    public enum Mode { OPEN, STRICT }

    public AuthConfig {
        requireNonNull(mode, "mode is null");
        requireNonNull(defaultAccountId, "defaultAccountId is null");
        keys = Map.copyOf(keys);
    }

    public static AuthConfig open(String defaultAccountId) {
        return new AuthConfig(Mode.OPEN, defaultAccountId, Map.of());
    }

    /** One configured credential. */
    public record AccessKey(String accessKeyId, String secretAccessKey, String accountId, String userName) {
        public AccessKey {
            requireNonNull(accessKeyId, "accessKeyId is null");
            requireNonNull(secretAccessKey, "secretAccessKey is null");
            requireNonNull(accountId, "accountId is null");
            requireNonNull(userName, "userName is null");
        }
    }
}
