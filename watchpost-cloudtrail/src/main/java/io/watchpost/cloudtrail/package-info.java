/**
 * CloudTrail ({@code cloudtrail}): trails, persisted in the state journal's {@code trails} table
 * ({@link io.watchpost.cloudtrail.TrailsService}); the API-call recorder
 * ({@link io.watchpost.cloudtrail.recorder.CloudTrailRecorder}); and LookupEvents over its records
 * ({@link io.watchpost.cloudtrail.lookup.LookupEventsService}). Both services share the {@code cloudtrail} prefix.
 */
package io.watchpost.cloudtrail;
