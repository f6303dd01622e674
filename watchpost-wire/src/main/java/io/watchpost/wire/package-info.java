/** Watchpost wire. */
package io.watchpost.wire;
