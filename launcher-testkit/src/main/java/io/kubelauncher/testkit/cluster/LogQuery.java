package io.kubelauncher.testkit.cluster;

import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The options of a {@code pods/log} request, and the selection of records they make. */
record LogQuery(String container, boolean follow, Instant since, boolean timestamps, Long tailLines, Long limitBytes, boolean previous) {

  static LogQuery parse(MultiMap params, Instant now) {
    Instant since = null;
    String sinceTime = params.get("sinceTime");
    if (sinceTime != null) {
      try {
        since = Instant.parse(sinceTime);
      } catch (DateTimeParseException e) {
        throw ApiException.badRequest("sinceTime: Invalid value: \"" + sinceTime + "\": must be an RFC3339 time");
      }
    }
    String sinceSeconds = params.get("sinceSeconds");
    if (sinceSeconds != null) {
      if (since != null) {
        throw ApiException.badRequest("PodLogOptions \"\" is invalid: sinceSeconds: Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified");
      }
      since = now.minusSeconds(positive(sinceSeconds, "sinceSeconds"));
    }
    Long tail = params.get("tailLines") == null ? null : nonNegative(params.get("tailLines"), "tailLines");
    Long limit = params.get("limitBytes") == null ? null : positive(params.get("limitBytes"), "limitBytes");
    return new LogQuery(params.get("container"), bool(params.get("follow")), since, bool(params.get("timestamps")), tail, limit,
        bool(params.get("previous")));
  }

  /** The records the options select among those already written. */
  List<ContainerLog.Entry> select(List<ContainerLog.Entry> entries) {
    List<ContainerLog.Entry> selected = new ArrayList<>();
    for (ContainerLog.Entry entry : entries) {
      if (since == null || !entry.time().isBefore(since)) {
        selected.add(entry);
      }
    }
    if (tailLines != null) {
      // a line is a run of partial records closed by a full one; walk back over tailLines of them
      int lines = 0;
      int from = selected.size();
      for (int i = selected.size() - 1; i >= 0; i--) {
        if (!selected.get(i).partial()) {
          if (lines == tailLines) {
            break;
          }
          lines++;
        }
        from = i;
      }
      return new ArrayList<>(selected.subList(from, selected.size()));
    }
    return selected;
  }

  private static boolean bool(String value) {
    return value != null && (value.equals("true") || value.equals("1"));
  }

  private static long positive(String value, String name) {
    long parsed = nonNegative(value, name);
    if (parsed < 1) {
      throw ApiException.badRequest(name + ": Invalid value: " + value + ": must be greater than 0");
    }
    return parsed;
  }

  private static long nonNegative(String value, String name) {
    try {
      long parsed = Long.parseLong(value);
      if (parsed < 0) {
        throw ApiException.badRequest(name + ": Invalid value: " + value + ": must be greater than or equal to 0");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + ": Invalid value: \"" + value + "\": must be an integer");
    }
  }
}
