package io.watchpost.bench;

import io.watchpost.bench.workload.ServiceClients;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One endpoint of the run: its clients, and the server process when the harness started it ({@code server}) or
 * was given its pid. Only launched servers are reset between workloads; an external endpoint's data is not ours
 * to wipe.
 */
final class Endpoint implements AutoCloseable {
    private final String name;
    private final URI uri;
    private final ServiceClients clients;
    private final Optional<LaunchedServer> server;
    private final OptionalLong pid;
    private ResultTable.StartupRow startup;
    private boolean closed;

    Endpoint(String name, URI uri, ServiceClients clients, Optional<LaunchedServer> server, OptionalLong pid) {
        this.name = name;
        this.uri = uri;
        this.clients = clients;
        this.server = server;
        this.pid = pid;
        this.startup = new ResultTable.StartupRow(name, Double.NaN, Double.NaN);
    }

    String name() {
        return name;
    }

    URI uri() {
        return uri;
    }

    ServiceClients clients() {
        return clients;
    }

    Optional<LaunchedServer> server() {
        return server;
    }

    OptionalLong pid() {
        return pid;
    }

    ResultTable.StartupRow startup() {
        return startup;
    }

    void startup(ResultTable.StartupRow figures) {
        this.startup = figures;
    }

    /** Idempotent: the shutdown hook and the end of the run may both call it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        clients.close();
        server.ifPresent(LaunchedServer::close);
    }
}
