/**
 * Requests and responses: decoding a frame payload into a {@link io.kubelauncher.api.protocol.Request}
 * (or a precise error saying which request to answer), and writing a
 * {@link io.kubelauncher.api.protocol.Response} with its envelope.
 */
package io.kubelauncher.api.protocol;
