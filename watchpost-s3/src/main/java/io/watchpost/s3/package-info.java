/**
 * The bucket subset of S3 (path-style, one port with the other services): buckets and their policies in the
 * state journal, objects as crash-safe files under the data directory. {@link io.watchpost.s3.S3Service} is
 * both the API and the {@link io.watchpost.core.port.ObjectStore} port other services write through.
 */
package io.watchpost.s3;
