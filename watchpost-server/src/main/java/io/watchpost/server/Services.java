package io.watchpost.server;

import io.watchpost.cloudtrail.TrailsService;
import io.watchpost.cloudwatch.DashboardsService;
import io.watchpost.core.PageTokens;
import io.watchpost.core.api.WatchpostService;
import io.watchpost.events.EventBusService;
import io.watchpost.events.SchemaRegistryService;
import io.watchpost.logs.LogsService;
import io.watchpost.store.StateJournal;
import io.watchpost.xray.SamplingRulesService;
import java.time.Clock;
import io.watchpost.core.api.ApiHandlers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds every service module's service objects; the one place that knows them all. */
final class Services {
    private Services() {}

    static List<WatchpostService> create(StateJournal journal, Clock clock, PageTokens pageTokens) {
        return List.of(
                new DashboardsService(journal, clock, pageTokens),
                new LogsService(journal, clock, pageTokens),
                new EventBusService(journal, clock, pageTokens),
                new SchemaRegistryService(journal, pageTokens),
                new SamplingRulesService(journal, clock, pageTokens),
                new TrailsService(journal, clock, pageTokens));
    }

    /** One set of handlers per AWS service, merged from every service object that serves it. */
    static Map<String, ApiHandlers> handlersByEndpoint(List<WatchpostService> services) {
        Map<String, List<ApiHandlers>> parts = new LinkedHashMap<>();
        services.forEach(service -> parts.computeIfAbsent(service.endpointPrefix(), p -> new ArrayList<>())
                .add(service.handlers()));
        Map<String, ApiHandlers> merged = new LinkedHashMap<>();
        parts.forEach((prefix, list) -> merged.put(prefix, ApiHandlers.merge(list)));
        return merged;
    }
}
