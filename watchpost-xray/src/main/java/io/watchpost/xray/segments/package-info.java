/**
 * Segment documents: parsing and X-Ray's validation ({@link io.watchpost.xray.segments.SegmentParser}) into the
 * typed view ({@link io.watchpost.xray.segments.Segment}) that summaries and graphs read.
 */
package io.watchpost.xray.segments;
