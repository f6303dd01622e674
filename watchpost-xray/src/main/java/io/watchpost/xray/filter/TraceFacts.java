package io.watchpost.xray.filter;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What the filter-expression language can ask of one trace. The trace store implements it over a stored trace (the
 * summary computed at ingestion is the natural source); tests use plain records. Times are in seconds, as X-Ray's
 * {@code responsetime} and {@code duration} are. Multi-valued keywords ({@code user}, {@code availabilityzone},
 * annotations, ...) list the values of every segment of the trace; a comparison holds when any value satisfies it.
 *
 * <p>Implementations are read concurrently by compiled expressions only through these methods; they must not change
 * while an expression is being tested.
 */
public interface TraceFacts {
    /** The trace id, {@code 1-xxxxxxxx-<24 hex>}. */
    String id();

    /** Total request duration including downstream calls ({@code duration}). */
    OptionalDouble duration();

    /** The time the root service took to respond ({@code responsetime}). */
    OptionalDouble responseTime();

    /** The http section of the root segment ({@code http.*}). */
    Http http();

    /** The {@code user} field of every segment that has one. */
    List<String> users();

    boolean fault();

    boolean error();

    boolean throttle();

    /** The trace has incomplete (in-progress or missing) segments. */
    boolean partial();

    /** The trace has inferred segments (from subsegments naming a downstream service). */
    boolean inferred();

    /** {@code ok}: the response was neither an error, a throttle nor a fault. */
    default boolean ok() {
        return !fault() && !error() && !throttle();
    }

    /** Every indexed annotation value recorded under {@code key}, empty when none. */
    List<AnnotationValue> annotations(String key);

    /** One entry per service node visit (segment or inferred segment), in trace order. */
    List<ServiceNode> services();

    /** One entry per call between two service nodes. */
    List<EdgeCall> edges();

    /** The groups whose filter expression this trace satisfies ({@code group.name}, {@code group.arn}). */
    List<GroupRef> groups();

    List<String> availabilityZones();

    List<String> instanceIds();

    List<String> resourceArns();

    RootCauses rootCauses();

    /** The http fields of a segment; absent members are empty. */
    record Http(Optional<String> url, Optional<String> method, Optional<String> userAgent,
            Optional<String> clientIp, OptionalInt status) {
        public static final Http NONE =
                new Http(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());

        public Http {
            requireNonNull(url, "url is null");
            requireNonNull(method, "method is null");
            requireNonNull(userAgent, "userAgent is null");
            requireNonNull(clientIp, "clientIp is null");
            requireNonNull(status, "status is null");
        }
    }

    /** A service node as X-Ray identifies it: name, type ({@code AWS::Lambda::Function}) and account. */
    record NodeId(String name, Optional<String> type, Optional<String> accountId) {
        public NodeId {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            requireNonNull(accountId, "accountId is null");
        }
    }

    /** One visit of a service node: its own outcome, response time and http section. */
    record ServiceNode(NodeId id, boolean root, boolean inferred, boolean fault, boolean error, boolean throttle,
            OptionalDouble responseTime, Http http) {
        public ServiceNode {
            requireNonNull(id, "id is null");
            requireNonNull(responseTime, "responseTime is null");
            requireNonNull(http, "http is null");
        }
    }

    /** One call from {@code source} to {@code destination}, with the outcome the destination answered. */
    record EdgeCall(NodeId source, NodeId destination, boolean fault, boolean error, boolean throttle,
            OptionalDouble responseTime, Http http) {
        public EdgeCall {
            requireNonNull(source, "source is null");
            requireNonNull(destination, "destination is null");
            requireNonNull(responseTime, "responseTime is null");
            requireNonNull(http, "http is null");
        }
    }

    record GroupRef(String name, String arn) {
        public GroupRef {
            requireNonNull(name, "name is null");
            requireNonNull(arn, "arn is null");
        }
    }

    /** An indexed annotation value: X-Ray indexes strings, numbers and booleans only. */
    sealed interface AnnotationValue {
        record Text(String value) implements AnnotationValue {
            public Text {
                requireNonNull(value, "value is null");
            }
        }

        record Number(double value) implements AnnotationValue {}

        record Bool(boolean value) implements AnnotationValue {}
    }

    /** The trace's root causes per kind, shaped as GetTraceSummaries reports them. */
    record RootCauses(List<RootCause> fault, List<RootCause> error, List<RootCause> responseTime) {
        public static final RootCauses NONE = new RootCauses(List.of(), List.of(), List.of());

        public RootCauses {
            fault = List.copyOf(fault);
            error = List.copyOf(error);
            responseTime = List.copyOf(responseTime);
        }
    }

    record RootCause(List<RootCauseService> services) {
        public RootCause {
            services = List.copyOf(services);
        }
    }

    record RootCauseService(String name, List<String> names, Optional<String> type, Optional<String> accountId,
            boolean inferred, List<RootCauseEntity> entityPath) {
        public RootCauseService {
            requireNonNull(name, "name is null");
            names = List.copyOf(names);
            requireNonNull(type, "type is null");
            requireNonNull(accountId, "accountId is null");
            entityPath = List.copyOf(entityPath);
        }
    }

    /** An entity on a root-cause path; {@code coverage} only for response-time root causes. */
    record RootCauseEntity(String name, boolean remote, OptionalDouble coverage, List<RootCauseException> exceptions) {
        public RootCauseEntity {
            requireNonNull(name, "name is null");
            requireNonNull(coverage, "coverage is null");
            exceptions = List.copyOf(exceptions);
        }
    }

    record RootCauseException(String name, Optional<String> message) {
        public RootCauseException {
            requireNonNull(name, "name is null");
            requireNonNull(message, "message is null");
        }
    }
}
