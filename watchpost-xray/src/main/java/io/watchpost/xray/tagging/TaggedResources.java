package io.watchpost.xray.tagging;

import io.watchpost.core.Scope;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** One kind of taggable X-Ray resource (groups, sampling rules), which keeps its tags with its own record. */
public interface TaggedResources {
    /** Whether {@code resource}, the part of an ARN after the region and account, is of this kind. */
    boolean owns(String resource);

    /** The tags of the resource {@code arn} names in {@code scope}; empty when there is no such resource. */
    Optional<Map<String, String>> tags(Scope scope, String arn);

    /**
     * Replaces the resource's tags by {@code change} applied to them, atomically with respect to other writes of
     * the resource; empty when there is no such resource.
     *
     * @throws io.watchpost.core.AwsException what {@code change} throws, with nothing changed
     */
    Optional<Map<String, String>> updateTags(Scope scope, String arn, UnaryOperator<Map<String, String>> change);
}
