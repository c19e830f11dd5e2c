package io.kubelauncher.testkit.cluster;

import java.util.regex.Pattern;

/** Kubernetes name rules: DNS-1123 subdomains, and labels (63 characters) for Jobs and Services. */
final class Names {
  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private Names() {
  }

  static void requireValid(ResourceKind kind, String name) {
    boolean label = kind == ResourceKind.SERVICES || kind == ResourceKind.NAMESPACES;
    int max = label ? 63 : 253;
    if (name.length() > max) {
      throw ApiException.invalid(kind, name, "metadata.name: Invalid value: \"" + name + "\": must be no more than " + max + " characters");
    }
    if (!(label ? LABEL : SUBDOMAIN).matcher(name).matches()) {
      throw ApiException.invalid(kind, name, "metadata.name: Invalid value: \"" + name + "\": a lowercase RFC 1123 "
          + (label ? "label" : "subdomain") + " must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
    }
  }
}
