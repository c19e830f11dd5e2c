package io.kubelauncher.api.protocol;

/** One entry of a multiplexed message's {@code sequences}: which request, and its position in it. */
public record StreamSequence(long requestId, long seqId) {
}
