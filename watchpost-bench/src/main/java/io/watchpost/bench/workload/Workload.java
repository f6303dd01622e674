package io.watchpost.bench.workload;

/**
 * One named load pattern, e.g. "PutMetricData with 20 metrics per call". The harness makes one instance per
 * endpoint, calls {@link #setup} once, then {@link #call} from {@code workers} threads at once until the round's
 * time is up, then {@link #teardown}. A service issue adds its workloads by implementing this and listing the
 * class in {@link Workloads}.
 *
 * <p>Thread-safety: {@code call} runs concurrently; {@code worker} (0 to workers - 1) is stable per thread, so
 * per-worker state (a log stream, a random generator) needs no locking.
 */
public interface Workload {
    /** The name used on the command line and in the table: the operation it measures. */
    String name();

    /**
     * Creates and seeds what the calls need. Throwing skips this workload on this endpoint, with the exception's
     * message as the note in the report.
     */
    void setup(ServiceClients clients) throws Exception;

    /** Sends one request. Throws the SDK's exception on an error; that counts as an error, never a crash. */
    void call(ServiceClients clients, int worker);

    /** Removes what {@link #setup} created, best effort (launched servers are reset anyway). */
    default void teardown(ServiceClients clients) {}
}
