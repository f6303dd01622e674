package io.watchpost.events.partner;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * One partner event source as persisted in the {@code events.partner-sources} state table, keyed by
 * {@code region/name} (a source name is unique in its region across all accounts). {@code partnerAccount} created it
 * and may put events for it; {@code account} is the one account it is shared with. {@code state} is the stored state;
 * {@link #customerState} is what the sharing account sees once expiry is taken into account.
 */
record PartnerSourceRecord(String name, String partnerAccount, String account, long creationMillis, String state,
        long pendingSinceMillis) {
    static final String PENDING = "PENDING";
    static final String ACTIVE = "ACTIVE";
    static final String DELETED = "DELETED";
    /** "If it remains in PENDING state for more than two weeks, it is deleted." (DeactivateEventSource) */
    static final Duration PENDING_LIFETIME = Duration.ofDays(14);

    PartnerSourceRecord {
        requireNonNull(name, "name is null");
        requireNonNull(partnerAccount, "partnerAccount is null");
        requireNonNull(account, "account is null");
        requireNonNull(state, "state is null");
    }

    long expirationMillis() {
        return pendingSinceMillis + PENDING_LIFETIME.toMillis();
    }

    boolean expired(long nowMillis) {
        return state.equals(PENDING) && nowMillis >= expirationMillis();
    }

    /** Whether the partner still has the source: neither deleted by the partner nor expired. */
    boolean live(long nowMillis) {
        return !state.equals(DELETED) && !expired(nowMillis);
    }

    /**
     * The state the sharing account sees: a deleted or expired source with a partner bus shows as DELETED; without a
     * bus it is gone.
     */
    Optional<String> customerState(long nowMillis, boolean busExists) {
        if (live(nowMillis)) {
            return Optional.of(state);
        }
        return busExists ? Optional.of(DELETED) : Optional.empty();
    }

    PartnerSourceRecord withState(String newState, long nowMillis) {
        return new PartnerSourceRecord(name, partnerAccount, account, creationMillis, newState,
                newState.equals(PENDING) ? nowMillis : pendingSinceMillis);
    }
}
