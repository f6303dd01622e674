package io.watchpost.events;

import io.watchpost.core.AwsException;
import io.watchpost.core.Scope;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The tags of one kind of taggable EventBridge resource (event buses, rules), addressed by the part of the ARN after
 * {@code event-bus/} or {@code rule/}. Implementations throw AWS's {@code ResourceNotFoundException} for a resource
 * that does not exist, and apply {@link #update} atomically with the resource's other changes.
 */
public interface TagStore {
    /** The resource's tags in the order they were first given. */
    Map<String, String> tags(Scope scope, String resource);

    /** Replaces the resource's tags with {@code change} applied to them; the change may throw to refuse. */
    void update(Scope scope, String resource, UnaryOperator<Map<String, String>> change);

    /** The error for a resource that does not exist (also for one in another account or region). */
    AwsException notFound(String resource);
}
