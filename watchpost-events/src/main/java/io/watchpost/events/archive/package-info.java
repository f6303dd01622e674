/**
 * EventBridge archives and replays: CreateArchive, DescribeArchive, UpdateArchive, DeleteArchive, ListArchives,
 * StartReplay, DescribeReplay, CancelReplay and ListReplays. Archived events live in one record log per archive;
 * replays run on the scheduler and re-inject events through the rules service.
 */
package io.watchpost.events.archive;
