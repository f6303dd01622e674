/**
 * Embedded storage for Watchpost (ARCHITECTURE §4).
 *
 * <ul>
 *   <li>{@link io.watchpost.store.StateJournal}: control-plane state held in memory, persisted as a
 *       journal of typed changes plus snapshots ({@code docs/formats/state-journal.md}).
 *   <li>{@link io.watchpost.store.RecordLog}: a segmented, checksummed, append-only data-plane log whose
 *       sealed segments are zstd-compressed by block ({@code docs/formats/record-log.md}).
 * </ul>
 *
 * <p>Every file carries a magic number and a format version, every record a CRC32C, and every file that
 * replaces another is written to a temporary name, fsynced and atomically renamed.
 */
package io.watchpost.store;
