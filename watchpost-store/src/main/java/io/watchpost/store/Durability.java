package io.watchpost.store;

/**
 * When a write is acknowledged, relative to the storage stack (ARCHITECTURE §4, setting {@code durability}).
 */
public enum Durability {
    /**
     * The write has been handed to the operating system ({@code write(2)}) before the call returns: it
     * survives a crash or kill of the process, not a crash of the machine. The default.
     */
    PROCESS,
    /**
     * The write has been forced to stable storage ({@code fsync}) before the call returns: it survives a
     * crash of the machine. Concurrent appenders of a {@link RecordLog} share fsyncs (group commit).
     */
    MACHINE
}
