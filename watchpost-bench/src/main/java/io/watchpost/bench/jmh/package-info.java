/**
 * JMH micro-benchmarks of the engines (wire codecs, store encodings). Run with {@code ./watchpost bench --jmh};
 * never part of the test suite. See docs/benchmarks.md.
 */
package io.watchpost.bench.jmh;
