package io.kubelauncher.api.runtime;

import io.kubelauncher.api.protocol.Response;

/** Where finished responses go on their way to stdout; never blocks. */
interface Outbox {
    void send(Response response);
}
