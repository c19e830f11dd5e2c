package io.kubelauncher.testkit.cluster;

/**
 * A request the API server refuses; rendered as a {@code Status} object with the same code,
 * reason and message wording as the real API server.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String reason;

  ApiException(int code, String reason, String message) {
    super(message);
    this.code = code;
    this.reason = reason;
  }

  int code() {
    return code;
  }

  String reason() {
    return reason;
  }

  static ApiException notFound(ResourceKind kind, String name) {
    return new ApiException(404, "NotFound", qualified(kind) + " \"" + name + "\" not found");
  }

  static ApiException alreadyExists(ResourceKind kind, String name) {
    return new ApiException(409, "AlreadyExists", qualified(kind) + " \"" + name + "\" already exists");
  }

  static ApiException conflict(ResourceKind kind, String name) {
    return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + qualified(kind) + " \"" + name
        + "\": the object has been modified; please apply your changes to the latest version and try again");
  }

  static ApiException invalid(ResourceKind kind, String name, String detail) {
    return new ApiException(422, "Invalid", kind.kind() + " \"" + name + "\" is invalid: " + detail);
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message);
  }

  static ApiException gone(String message) {
    return new ApiException(410, "Expired", message);
  }

  /** {@code jobs.batch} or {@code pods}: how the real server names a resource in messages. */
  static String qualified(ResourceKind kind) {
    return kind.group().isEmpty() ? kind.plural() : kind.plural() + "." + kind.group();
  }
}
