/**
 * EventBridge connections and API destinations: the CRUD operations ({@link ApiDestinationsService}) and the real
 * HTTP invocation of a destination with its connection's authorization ({@link ApiDestinationInvoker}).
 */
package io.watchpost.events.apidestination;
