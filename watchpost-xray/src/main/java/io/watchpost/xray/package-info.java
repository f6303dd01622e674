/** Watchpost xray. */
package io.watchpost.xray;
