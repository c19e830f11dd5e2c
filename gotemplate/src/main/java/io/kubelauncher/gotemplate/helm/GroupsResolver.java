package io.kubelauncher.gotemplate.helm;

import io.kubelauncher.gotemplate.function.FunctionException;

import java.util.List;

/**
 * Answers {@code groups USER}: the user's group names. The plugin can supply a name-service
 * lookup; {@link ProcessCommandRunner#groupsResolver()} runs the {@code groups} command like the oracle.
 */
@FunctionalInterface
public interface GroupsResolver {

    /**
     * @throws FunctionException with the text the template error should carry (unknown user...)
     */
    List<String> groupsOf(String user) throws FunctionException;
}
