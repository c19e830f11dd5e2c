package io.kubelauncher.reliability;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each sent payload is owed, and what came back. The expectation is worked out from the
 * payload alone, by a strict parse independent of the plugin's decoder:
 * <ul>
 *   <li>a well-formed request with a request id: exactly one answer to that id (a stream opening:
 *       at least one), a cancel: none, a heartbeat: one heartbeat;</li>
 *   <li>anything else: exactly one answer, either to a request id written in it (the plugin may
 *       recover one from broken JSON) or, when none can be read, an Error with request id 0.</li>
 * </ul>
 * So every payload gets exactly one answer, and the books must balance to the message.
 */
final class AnswerLedger {

    private static final Pattern ANY_REQUEST_ID = Pattern.compile("\"requestId\"\\s*:\\s*(\\d{1,19})");
    private static final BigInteger MAX_ID = BigInteger.valueOf(Long.MAX_VALUE);

    enum Owed { EXACTLY_ONE, STREAM, CANCEL, HEARTBEAT, ONE_SOMEWHERE }

    private static final class Expectation {
        int exactlyOne;
        int streams;
        int cancels;
        int somewhere;
        String sample;
    }

    private final JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private final Map<Long, Expectation> expected = new HashMap<>();
    private record Addressable(List<Long> candidates, String sample) {
    }

    private final List<Addressable> addressable = new ArrayList<>();
    private final Map<Owed, Integer> owed = new EnumMap<>(Owed.class);
    private int unaddressed;
    private final Map<Long, AtomicLong> answers = new ConcurrentHashMap<>();
    private final Map<Long, String> firstAnswer = new ConcurrentHashMap<>();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong toRequestZero = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();

    /** Records what this payload is owed. Called by the sending thread only. */
    void sent(byte[] payload) {
        Owed kind = classify(payload);
        owed.merge(kind, 1, Integer::sum);
        String sample = sample(payload);
        if (kind == Owed.HEARTBEAT) {
            return;
        }
        if (kind == Owed.ONE_SOMEWHERE) {
            List<Long> candidates = candidates(payload);
            if (candidates.isEmpty()) {
                unaddressed++;
            } else {
                addressable.add(new Addressable(candidates, sample));
            }
            for (long id : candidates) {
                expectation(id, sample).somewhere++;
            }
            return;
        }
        long id = requestId(payload);
        Expectation e = expectation(id, sample);
        switch (kind) {
            case EXACTLY_ONE -> e.exactlyOne++;
            case STREAM -> e.streams++;
            default -> e.cancels++;
        }
    }

    /** Records one message from the plugin. Called by the reading thread. */
    void received(JsonNode message) {
        messages.incrementAndGet();
        int type = message.path("messageType").asInt();
        long requestId = message.path("requestId").asLong();
        if (type == 0) {
            heartbeats.incrementAndGet();
        } else if (requestId != 0) {
            count(requestId, message);
        } else if (message.has("sequences")) {
            for (JsonNode sequence : message.path("sequences")) {
                count(sequence.path("requestId").asLong(), message);
            }
        } else {
            toRequestZero.incrementAndGet();
        }
    }

    private void count(long id, JsonNode message) {
        answers.computeIfAbsent(id, k -> new AtomicLong()).incrementAndGet();
        firstAnswer.putIfAbsent(id, abbreviate(message.toString()));
    }

    long messages() {
        return messages.get();
    }

    Map<Owed, Integer> owed() {
        return Map.copyOf(owed);
    }

    /** Answers the books expect in all (a stream counts once). */
    long answersOwed() {
        long openStreams = expected.values().stream().filter(e -> e.streams > 0 && e.cancels == 0).count();
        return owed.getOrDefault(Owed.EXACTLY_ONE, 0) + owed.getOrDefault(Owed.ONE_SOMEWHERE, 0) + openStreams;
    }

    /**
     * Streams the Launcher cancelled before any answer reached it, and which then got none: allowed
     * (a cancel stops a stream, whatever state it is in), but worth a number in the report.
     */
    long cancelledBeforeAnswered() {
        return expected.entrySet().stream().filter(e -> e.getValue().streams > 0 && e.getValue().cancels > 0)
                .filter(e -> answers.getOrDefault(e.getKey(), new AtomicLong()).get() == 0).count();
    }

    /** Answers received so far, counted the same way. */
    long answersReceived() {
        long total = toRequestZero.get();
        for (Map.Entry<Long, AtomicLong> a : answers.entrySet()) {
            Expectation e = expected.get(a.getKey());
            long n = a.getValue().get();
            if (e != null && e.streams > 0) {
                // a stream counts once; a mutated frame may also have hit the same request id
                total += Math.min(n, e.exactlyOne + e.somewhere + (e.cancels > 0 ? 0 : 1));
            } else {
                total += n;
            }
        }
        return total;
    }

    /** One line for the report: the books in numbers. */
    String balance() {
        long slack = expected.values().stream().filter(e -> e.streams > 0).mapToLong(e -> e.somewhere + e.exactlyOne).sum();
        return "answers received " + answersReceived() + ", owed " + answersOwed() + " (slack for colliding ids " + slack
                + "); " + toRequestZero.get() + " to request id 0; heartbeats " + heartbeatsReceived() + "/" + heartbeatsOwed();
    }

    long heartbeatsOwed() {
        return owed.getOrDefault(Owed.HEARTBEAT, 0);
    }

    long heartbeatsReceived() {
        return heartbeats.get();
    }

    /** Every way the answers differ from what was owed; empty when the books balance. */
    List<String> discrepancies() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Long, Expectation> entry : expected.entrySet()) {
            long id = entry.getKey();
            Expectation e = entry.getValue();
            long n = answers.getOrDefault(id, new AtomicLong()).get();
            long atLeast = e.exactlyOne + (e.cancels > 0 ? 0 : Math.min(1, e.streams));
            long atMost = e.streams > 0 ? Long.MAX_VALUE : e.exactlyOne + e.somewhere;
            if (n < atLeast) {
                problems.add("request " + id + " unanswered: sent " + e.sample);
            } else if (n > atMost) {
                problems.add("request " + id + " answered " + n + " times (owed " + atMost + "): sent " + e.sample
                        + "; first answer " + firstAnswer.get(id));
            }
        }
        for (Map.Entry<Long, AtomicLong> a : answers.entrySet()) {
            if (!expected.containsKey(a.getKey())) {
                problems.add("answer to request " + a.getKey() + ", which was never sent: " + firstAnswer.get(a.getKey()));
            }
        }
        // A mutated frame may carry the request id of a stream (ids collide at random); its answer
        // is then indistinguishable from the stream's, so those few answers may count either way.
        long slack = expected.values().stream().filter(e -> e.streams > 0).mapToLong(e -> e.somewhere + e.exactlyOne).sum();
        if (Math.abs(answersReceived() - answersOwed()) > slack) {
            List<String> answeredAtZero = addressable.stream()
                    .filter(a -> a.candidates().stream().allMatch(id -> answers.getOrDefault(id, new AtomicLong()).get() == 0))
                    .map(Addressable::sample).toList();
            problems.add("answers: " + answersReceived() + " received, " + answersOwed() + " owed (" + toRequestZero.get()
                    + " to request id 0, of " + unaddressed + " payloads without a readable request id; slack " + slack + "; "
                    + answeredAtZero.size() + " whose request ids got no answer, e.g. "
                    + answeredAtZero.subList(0, Math.min(30, answeredAtZero.size())) + ")");
        }
        if (heartbeatsReceived() != heartbeatsOwed()) {
            problems.add("heartbeats: " + heartbeatsReceived() + " received, " + heartbeatsOwed() + " owed");
        }
        return problems;
    }

    private Expectation expectation(long id, String sample) {
        return expected.computeIfAbsent(id, k -> {
            Expectation e = new Expectation();
            e.sample = sample;
            return e;
        });
    }

    Owed classify(byte[] payload) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload));
        } catch (CharacterCodingException e) {
            return Owed.ONE_SOMEWHERE;
        }
        JsonNode json;
        try {
            json = strict.readTree(payload);
        } catch (JacksonException e) {
            return Owed.ONE_SOMEWHERE;
        }
        if (json == null || !json.isObject() || !validId(json.get("requestId")) || !json.path("messageType").isIntegralNumber()) {
            return Owed.ONE_SOMEWHERE;
        }
        int type = json.path("messageType").canConvertToInt() ? json.path("messageType").asInt() : -1;
        boolean stream = type == 4 || type == 6 || type == 7;
        if (type == 0) {
            return Owed.HEARTBEAT;
        } else if (json.path("requestId").asLong() == 0) {
            return Owed.ONE_SOMEWHERE;
        } else if (stream && json.path("cancel").isBoolean() && json.path("cancel").asBoolean()) {
            return Owed.CANCEL;
        }
        return stream ? Owed.STREAM : Owed.EXACTLY_ONE;
    }

    private static boolean validId(JsonNode id) {
        return id != null && id.isIntegralNumber() && id.bigIntegerValue().signum() >= 0
                && id.bigIntegerValue().compareTo(MAX_ID) <= 0;
    }

    private long requestId(byte[] payload) {
        return strict.readTree(payload).path("requestId").asLong();
    }

    /** Every request id written anywhere in the payload: where the plugin may address its answer. */
    private static List<Long> candidates(byte[] payload) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ANY_REQUEST_ID.matcher(new String(payload, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            BigInteger id = new BigInteger(m.group(1));
            if (id.signum() > 0 && id.compareTo(MAX_ID) <= 0 && !ids.contains(id.longValue())) {
                ids.add(id.longValue());
            }
        }
        return ids;
    }

    private static String sample(byte[] payload) {
        return abbreviate(new String(payload, StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " chars)";
    }
}
