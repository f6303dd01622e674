/** Watchpost cloudwatch. */
package io.watchpost.cloudwatch;
