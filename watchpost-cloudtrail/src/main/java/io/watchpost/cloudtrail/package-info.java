/** Watchpost cloudtrail. */
package io.watchpost.cloudtrail;
