package io.watchpost.xray.filter;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The keywords one context understands. The trace scope is the top level; the others apply inside the braces of
 * {@code service()}, {@code edge()} and {@code rootcause.*}. Keywords are matched ignoring case
 * ({@code responseTime} is {@code responsetime}).
 */
final class Scope<C> {
    private final String description;
    private final Map<String, Field<C>> fields = new HashMap<>();

    private Scope(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    Optional<Field<C>> field(String keyword) {
        return Optional.ofNullable(fields.get(keyword.toLowerCase(Locale.ROOT)));
    }

    private Scope<C> bool(String name, Predicate<C> value) {
        fields.put(name, new Field.Bool<>(name, value));
        return this;
    }

    private Scope<C> num(String name, Function<C, OptionalDouble> value) {
        fields.put(name, new Field.Num<>(name, value));
        return this;
    }

    private Scope<C> text(String name, Function<C, List<String>> values) {
        fields.put(name, new Field.Text<>(name, values));
        return this;
    }

    private Scope<C> http(Function<C, TraceFacts.Http> http) {
        return num("http.status", c -> status(http.apply(c).status()))
                .text("http.url", c -> list(http.apply(c).url()))
                .text("http.method", c -> list(http.apply(c).method()))
                .text("http.useragent", c -> list(http.apply(c).userAgent()))
                .text("http.clientip", c -> list(http.apply(c).clientIp()));
    }

    static final Scope<TraceFacts> TRACE = new Scope<TraceFacts>("trace")
            .bool("ok", TraceFacts::ok).bool("fault", TraceFacts::fault).bool("error", TraceFacts::error)
            .bool("throttle", TraceFacts::throttle).bool("partial", TraceFacts::partial)
            .bool("inferred", TraceFacts::inferred)
            .num("responsetime", TraceFacts::responseTime).num("duration", TraceFacts::duration)
            .http(TraceFacts::http)
            .text("user", TraceFacts::users).text("availabilityzone", TraceFacts::availabilityZones)
            .text("instance.id", TraceFacts::instanceIds).text("resource.arn", TraceFacts::resourceArns)
            .text("group.name", t -> t.groups().stream().map(TraceFacts.GroupRef::name).toList())
            .text("group.arn", t -> t.groups().stream().map(TraceFacts.GroupRef::arn).toList());

    static final Scope<TraceFacts.ServiceNode> SERVICE = new Scope<TraceFacts.ServiceNode>("service")
            .bool("ok", s -> !s.fault() && !s.error() && !s.throttle()).bool("fault", TraceFacts.ServiceNode::fault)
            .bool("error", TraceFacts.ServiceNode::error).bool("throttle", TraceFacts.ServiceNode::throttle)
            .bool("root", TraceFacts.ServiceNode::root).bool("inferred", TraceFacts.ServiceNode::inferred)
            .num("responsetime", TraceFacts.ServiceNode::responseTime)
            .num("duration", TraceFacts.ServiceNode::responseTime)
            .http(TraceFacts.ServiceNode::http)
            .text("name", s -> List.of(s.id().name())).text("type", s -> list(s.id().type()))
            .text("account.id", s -> list(s.id().accountId()));

    static final Scope<TraceFacts.EdgeCall> EDGE = new Scope<TraceFacts.EdgeCall>("edge")
            .bool("ok", e -> !e.fault() && !e.error() && !e.throttle()).bool("fault", TraceFacts.EdgeCall::fault)
            .bool("error", TraceFacts.EdgeCall::error).bool("throttle", TraceFacts.EdgeCall::throttle)
            .num("responsetime", TraceFacts.EdgeCall::responseTime)
            .num("duration", TraceFacts.EdgeCall::responseTime)
            .http(TraceFacts.EdgeCall::http);

    static final Scope<Item<TraceFacts.RootCauseService>> CAUSE_SERVICE =
            Scope.<TraceFacts.RootCauseService>positioned("root cause service")
                    .bool("inferred", i -> i.value().inferred())
                    .text("name", i -> names(i.value()))
                    .text("type", i -> list(i.value().type()))
                    .text("account.id", i -> list(i.value().accountId()));

    static final Scope<Item<TraceFacts.RootCauseEntity>> CAUSE_ENTITY =
            Scope.<TraceFacts.RootCauseEntity>positioned("root cause entity")
                    .bool("remote", i -> i.value().remote())
                    .num("coverage", i -> i.value().coverage())
                    .text("name", i -> List.of(i.value().name()));

    static final Scope<Item<TraceFacts.RootCauseException>> CAUSE_EXCEPTION =
            Scope.<TraceFacts.RootCauseException>positioned("root cause exception")
                    .text("name", i -> List.of(i.value().name()))
                    .text("message", i -> list(i.value().message()));

    private static <T> Scope<Item<T>> positioned(String description) {
        return new Scope<Item<T>>(description).bool("first", Item::first).bool("last", Item::last)
                .num("index", i -> OptionalDouble.of(i.index()));
    }

    private static List<String> names(TraceFacts.RootCauseService service) {
        if (service.names().isEmpty() || service.names().equals(List.of(service.name()))) {
            return List.of(service.name());
        }
        java.util.ArrayList<String> all = new java.util.ArrayList<>(service.names());
        if (!all.contains(service.name())) {
            all.addFirst(service.name());
        }
        return all;
    }

    private static List<String> list(Optional<String> value) {
        requireNonNull(value, "value is null");
        return value.isPresent() ? List.of(value.get()) : List.of();
    }

    private static OptionalDouble status(OptionalInt status) {
        return status.isPresent() ? OptionalDouble.of(status.getAsInt()) : OptionalDouble.empty();
    }
}
