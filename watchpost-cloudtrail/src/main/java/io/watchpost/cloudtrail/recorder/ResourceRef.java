package io.watchpost.cloudtrail.recorder;

import static java.util.Objects.requireNonNull;

/** A resource a call referred to, as LookupEvents lists it: {@code AWS::Logs::LogGroup} and the name given. */
public record ResourceRef(String type, String name) {
    public ResourceRef {
        requireNonNull(type, "type is null");
        requireNonNull(name, "name is null");
    }
}
