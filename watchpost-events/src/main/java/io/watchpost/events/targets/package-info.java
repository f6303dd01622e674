/**
 * Rule targets: the stored target ({@link io.watchpost.events.targets.Target}), the payload each one receives
 * ({@link io.watchpost.events.targets.TargetPayloads}, a pure function), and the hand-off to delivery
 * ({@link io.watchpost.events.targets.DeliveryQueue}, {@link io.watchpost.events.targets.TargetDelivery}).
 */
package io.watchpost.events.targets;
