/** Watchpost logs. */
package io.watchpost.logs;
