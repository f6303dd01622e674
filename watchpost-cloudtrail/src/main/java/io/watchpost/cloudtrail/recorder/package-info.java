/**
 * The CloudTrail recorder: every API call the server handles becomes a CloudTrail record, rendered off the request
 * path and appended to a record log. {@link io.watchpost.cloudtrail.recorder.CloudTrailRecorder} is the entry point;
 * {@link io.watchpost.cloudtrail.recorder.EventCategories} is the management/data/not-logged table.
 */
package io.watchpost.cloudtrail.recorder;
