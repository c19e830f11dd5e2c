package io.kubelauncher.gotemplate.sprig;

import java.util.List;

/** Answers {@code getHostByName}: the addresses of a host name, in Go's text form; empty when unknown. */
@FunctionalInterface
public interface HostResolver {

    List<String> lookupHost(String name);
}
