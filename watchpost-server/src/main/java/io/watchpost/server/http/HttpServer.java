package io.watchpost.server.http;

import io.watchpost.wire.RequestProcessor;
import io.watchpost.wire.WireLimits;
import io.watchpost.xray.otlp.OtlpTraceReceiver;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one HTTP port (the AWS APIs, the reserved admin paths and OTLP's {@code /v1/traces}): Jetty 12 core
 * handlers, requests on virtual threads, {@code TCP_NODELAY} on every accepted
 * connection (keep-alive clients such as botocore otherwise wait out Nagle and delayed ACKs; ARCHITECTURE §9).
 */
public final class HttpServer implements AutoCloseable {
    static {
        // Jetty's MemoryUtils otherwise starts the platform MBean server (and with it JMX and JFR's diagnostic
        // commands, ~0.3 s of start-up) only to ask whether oops are compressed; they are below a 32 GiB heap. The
        // value only sizes padding against false sharing.
        if (System.getProperty("org.eclipse.jetty.util.referencesPerCacheLine") == null) {
            System.setProperty("org.eclipse.jetty.util.referencesPerCacheLine", "16");
        }
    }

    private final Server server;
    private final ServerConnector connector;

    public HttpServer(String host, int port, RequestProcessor processor, WireLimits limits, String version,
            boolean developmentMode, Runnable reset, OtlpTraceReceiver otlpTraces) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("watchpost-http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        http.setRequestHeaderSize(64 * 1024);
        // S3 keys and some AWS names contain encoded slashes; the default compliance would refuse them.
        http.setUriCompliance(UriCompliance.LEGACY);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptedTcpNoDelay(true);
        server.addConnector(connector);
        server.setHandler(new AdminHandler(new OtlpHandler(new ApiHandler(processor, limits), otlpTraces), version,
                developmentMode, reset));
        server.setStopAtShutdown(false);
    }

    public void start() throws Exception {
        server.start();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws java.io.IOException {
        try {
            server.stop();
        } catch (Exception e) {
            throw new java.io.IOException("stopping the HTTP server failed", e);
        }
    }
}
