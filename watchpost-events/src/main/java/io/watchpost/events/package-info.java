/**
 * EventBridge ({@code events}) and EventBridge Schemas ({@code schemas}): event buses ({@link
 * io.watchpost.events.EventBusService}) and schema registries ({@link io.watchpost.events.SchemaRegistryService}),
 * persisted in the state journal.
 */
package io.watchpost.events;
