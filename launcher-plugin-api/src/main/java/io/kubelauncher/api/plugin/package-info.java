/**
 * What a plugin implements and what it is given: {@link io.kubelauncher.api.plugin.JobSource}, the
 * sinks its streams push into, the status publisher, and {@link io.kubelauncher.api.plugin.PluginException}
 * with the protocol's {@link io.kubelauncher.api.plugin.ErrorCode}s.
 */
package io.kubelauncher.api.plugin;
