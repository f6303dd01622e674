/**
 * CloudTrail ({@code cloudtrail}): trails, persisted in the state journal's {@code trails} table.
 * {@link io.watchpost.cloudtrail.TrailsService} is the entry point the server registers.
 */
package io.watchpost.cloudtrail;
