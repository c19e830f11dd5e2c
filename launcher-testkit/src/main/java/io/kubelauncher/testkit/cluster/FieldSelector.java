package io.kubelauncher.testkit.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A parsed {@code fieldSelector}: {@code path=value} / {@code path!=value} terms over dotted field
 * paths such as {@code metadata.name}, {@code status.phase} or {@code involvedObject.uid}.
 */
record FieldSelector(List<Term> terms) implements Predicate<JsonNode> {

  static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  record Term(String path, boolean equal, String value) {
    boolean matches(JsonNode object) {
      JsonNode node = object;
      for (String segment : path.split("\\.")) {
        node = node.path(segment);
      }
      String actual = node.isMissingNode() || node.isNull() ? "" : node.asString("");
      return equal == actual.equals(value);
    }
  }

  @Override
  public boolean test(JsonNode object) {
    return terms.stream().allMatch(t -> t.matches(object));
  }

  static FieldSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    List<Term> terms = new ArrayList<>();
    for (String part : text.split(",")) {
      int ne = part.indexOf("!=");
      int eq = part.indexOf('=');
      if (ne >= 0) {
        terms.add(new Term(part.substring(0, ne).trim(), false, part.substring(ne + 2).trim()));
      } else if (eq >= 0) {
        int valueStart = part.startsWith("==", eq) ? eq + 2 : eq + 1;
        terms.add(new Term(part.substring(0, eq).trim(), true, part.substring(valueStart).trim()));
      } else {
        throw ApiException.badRequest("invalid selector: '" + text + "'; can't understand '" + part + "'");
      }
    }
    return new FieldSelector(List.copyOf(terms));
  }
}
