/**
 * The plugin's functions beyond Sprig, with the semantics of the project's Go oracle:
 * Helm's {@code toYaml} ({@link io.kubelauncher.gotemplate.helm.HelmYaml}: ghodss/yaml over a port of
 * yaml.v2 2.4's emitter) and {@code fromYaml} ({@link io.kubelauncher.gotemplate.helm.HelmFromYaml}:
 * YAML 1.1 typing over SnakeYAML's event stream), {@code exec} (no shell; an
 * {@link io.kubelauncher.gotemplate.helm.ExecResult}) and {@code groups}.
 *
 * <pre>{@code
 * Map<String, TemplateFunction> helm = HelmFunctions.builder()
 *         .groupsResolver(user -> nameService.groupNames(user))       // default: `groups USER`, LC_ALL=C
 *         .commandRunner(new ProcessCommandRunner(env, workDir, pump))  // default: this process's env and cwd
 *         .build().functions();
 * }</pre>
 *
 * <p>Known differences from Go:
 * <ul>
 *   <li>yaml.v2 orders keys with a comparison that is not transitive for mixes such as
 *       {@code a10}/{@code a1a}/{@code a9}; Go's output then depends on the random map iteration
 *       order feeding its sort and is itself not reproducible (consistent key sets order identically).</li>
 *   <li>{@code fromYaml} error texts are libyaml's for the common cases (mapping values, tokens,
 *       flow collections, keys, directives, unterminated scalars); rarer ones keep SnakeYAML's wording.</li>
 *   <li>exec: Java reports a death by signal N as status 128+N, so a program exiting with 129..159
 *       is reported as killed by a signal; when the runner's PATH differs from the JVM's, argv[0]
 *       is the resolved path rather than the bare name.</li>
 * </ul>
 */
package io.kubelauncher.gotemplate.helm;
