package io.watchpost.xray.traces;

import static java.util.Objects.requireNonNull;

import io.watchpost.xray.segments.Segment;
import java.util.Comparator;
import java.util.Optional;
import software.amazon.awssdk.services.xray.model.ServiceId;

/**
 * A node of a trace or service graph: a service's name and type. A segment is its service, typed by its
 * {@code origin}; a subsegment in namespace {@code aws} is the AWS service it called ({@code AWS::<name>}), one in
 * namespace {@code remote} a {@code remote} node; callers of root segments are a {@code client} node.
 */
record ServiceKey(String name, Optional<String> type) implements Comparable<ServiceKey> {
    private static final Comparator<ServiceKey> ORDER = Comparator.comparing(ServiceKey::name)
            .thenComparing(key -> key.type().orElse(""));

    ServiceKey {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    static ServiceKey of(Segment segment) {
        if (segment.remoteCall()) {
            String namespace = segment.namespace().orElseThrow();
            return new ServiceKey(segment.name(),
                    Optional.of(namespace.equals("aws") ? "AWS::" + segment.name() : "remote"));
        }
        return new ServiceKey(segment.name(), segment.origin());
    }

    static ServiceKey client(Segment root) {
        return new ServiceKey(root.name(), Optional.of("client"));
    }

    ServiceId serviceId(String accountId) {
        return ServiceId.builder().name(name).names(name).accountId(accountId).type(type.orElse(null)).build();
    }

    @Override
    public int compareTo(ServiceKey other) {
        return ORDER.compare(this, other);
    }
}
