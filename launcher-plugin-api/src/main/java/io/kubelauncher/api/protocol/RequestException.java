package io.kubelauncher.api.protocol;

import io.kubelauncher.api.plugin.ErrorCode;

/**
 * A frame that is not a request we can carry out. {@code requestId} is the id to answer with: the
 * request's own when it could be read, else 0 (the answer still goes out, so that no frame is met
 * with silence).
 */
public final class RequestException extends Exception {

    private final long requestId;
    private final ErrorCode code;

    public RequestException(long requestId, ErrorCode code, String message) {
        super(message, null, false, false);
        this.requestId = requestId;
        this.code = code;
    }

    public long requestId() {
        return requestId;
    }

    public ErrorCode code() {
        return code;
    }
}
