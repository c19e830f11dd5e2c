/**
 * The plugin's options: command line and main config file merged with the SDK's precedence
 * ({@link io.kubelauncher.api.options.OptionsParser}), exposed as an
 * {@link io.kubelauncher.api.options.OptionSource} with origins, and typed standard options
 * ({@link io.kubelauncher.api.options.LauncherOptions}).
 */
package io.kubelauncher.api.options;
