/** Watchpost events. */
package io.watchpost.events;
