/**
 * CloudTrail LookupEvents over the recorder's log: management events of the caller's account and region, newest
 * first, 90 days back. {@link io.watchpost.cloudtrail.lookup.LookupEventsService} is the entry point.
 */
package io.watchpost.cloudtrail.lookup;
