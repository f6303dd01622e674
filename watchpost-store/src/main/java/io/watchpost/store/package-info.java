/** Watchpost store. */
package io.watchpost.store;
