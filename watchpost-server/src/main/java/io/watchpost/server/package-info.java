/** Watchpost server. */
package io.watchpost.server;
