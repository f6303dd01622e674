/** Load harness and engine benchmarks. */
package io.watchpost.bench;
