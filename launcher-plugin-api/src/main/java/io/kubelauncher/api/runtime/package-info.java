/**
 * The plugin runtime: {@link io.kubelauncher.api.runtime.PluginRuntime} reads frames, dispatches
 * requests to a worker pool, keeps the stream hubs (status, output, resource utilisation), sends
 * heartbeats and metrics, and is the only writer of stdout.
 */
package io.kubelauncher.api.runtime;
