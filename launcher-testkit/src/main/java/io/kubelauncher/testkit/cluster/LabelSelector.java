package io.kubelauncher.testkit.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A parsed {@code labelSelector} query parameter: equality ({@code =}, {@code ==}, {@code !=}) and
 * set-based ({@code in}, {@code notin}, {@code key}, {@code !key}) requirements, all of which must hold.
 */
record LabelSelector(List<Requirement> requirements) implements Predicate<Map<String, String>> {

  static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

  record Requirement(String key, Operator operator, Set<String> values) {
    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case EQUALS, IN -> value != null && values.contains(value);
        case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
      };
    }
  }

  @Override
  public boolean test(Map<String, String> labels) {
    return requirements.stream().allMatch(r -> r.matches(labels));
  }

  static LabelSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    for (String part : splitTopLevel(text)) {
      requirements.add(parseRequirement(part.trim(), text));
    }
    return new LabelSelector(List.copyOf(requirements));
  }

  /** Splits at commas that are not inside a {@code (...)} value set. */
  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static Requirement parseRequirement(String part, String whole) {
    if (part.isEmpty()) {
      throw ApiException.badRequest("unable to parse requirement: empty requirement in label selector \"" + whole + "\"");
    }
    if (part.startsWith("!")) {
      return new Requirement(key(part.substring(1).trim(), whole), Operator.DOES_NOT_EXIST, Set.of());
    }
    String[] setForm = part.split("\\s+(?=(in|notin)\\s*\\()", 2);
    if (setForm.length == 2) {
      String rest = setForm[1].trim();
      Operator op = rest.startsWith("notin") ? Operator.NOT_IN : Operator.IN;
      String list = rest.substring(rest.indexOf('(') + 1);
      if (!list.endsWith(")")) {
        throw ApiException.badRequest("unable to parse requirement: found '" + part + "', expected: ')' in label selector \"" + whole + "\"");
      }
      Set<String> values = Set.of(java.util.Arrays.stream(list.substring(0, list.length() - 1).split(","))
          .map(String::trim).filter(v -> !v.isEmpty()).distinct().toArray(String[]::new));
      return new Requirement(key(setForm[0].trim(), whole), op, values);
    }
    int ne = part.indexOf("!=");
    if (ne >= 0) {
      return new Requirement(key(part.substring(0, ne).trim(), whole), Operator.NOT_EQUALS, Set.of(part.substring(ne + 2).trim()));
    }
    int eq = part.indexOf('=');
    if (eq >= 0) {
      int valueStart = part.startsWith("==", eq) ? eq + 2 : eq + 1;
      return new Requirement(key(part.substring(0, eq).trim(), whole), Operator.EQUALS, Set.of(part.substring(valueStart).trim()));
    }
    return new Requirement(key(part, whole), Operator.EXISTS, Set.of());
  }

  private static String key(String key, String whole) {
    if (!key.matches("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")) {
      throw ApiException.badRequest("unable to parse requirement: invalid label key \"" + key + "\" in label selector \"" + whole + "\"");
    }
    return key;
  }
}
