/**
 * Account-level X-Ray settings: encryption configuration, resource policies, indexing rules and the trace
 * segment destination.
 */
package io.watchpost.xray.settings;
