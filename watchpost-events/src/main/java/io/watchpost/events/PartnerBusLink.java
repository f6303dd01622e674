package io.watchpost.events;

import io.watchpost.core.Scope;

/**
 * What CreateEventBus and DeleteEventBus tell the partner event sources about partner buses (named after a source
 * shared with the account). {@link #NONE}: no partner event sources exist, so every partner bus names a missing one.
 */
public interface PartnerBusLink {
    /** {@code ResourceNotFoundException} unless {@code source} is shared with the scope's account and not deleted. */
    void requireShared(Scope scope, String source);

    /** The partner bus named after {@code source} was created: the source becomes ACTIVE. */
    void busCreated(Scope scope, String source);

    /** The bus {@code name} was deleted; when it was a partner bus its source no longer has a bus. */
    void busDeleted(Scope scope, String name);

    PartnerBusLink NONE = new PartnerBusLink() {
        @Override
        public void requireShared(Scope scope, String source) {
            throw new io.watchpost.core.AwsException(io.watchpost.core.AwsError.EVENTS_RESOURCE_NOT_FOUND,
                    "Event source " + source + " does not exist.");
        }

        @Override
        public void busCreated(Scope scope, String source) {}

        @Override
        public void busDeleted(Scope scope, String name) {}
    };
}
