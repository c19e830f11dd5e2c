package io.kubelauncher.reliability;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the fuzzed input: valid requests of every type, and the ways a frame can be wrong (mutated
 * bytes, truncated payloads, lengths that swallow the next frame, invalid UTF-8, broken JSON, wrong
 * JSON types, unknown message types, non-objects, frames over max-message-size, random bytes).
 * Every frame is built together with the payload the plugin will decode from it, so that the
 * {@link AnswerLedger} can say what answer each one is owed. Deterministic for a seed.
 */
final class FrameGenerator {

    /** One frame as written to stdin, and the payload the plugin reads from it. */
    record Frame(Kind kind, byte[] wire, byte[] payload) {
    }

    enum Kind {
        VALID, MUTATED, TRUNCATED, SWALLOWS_NEXT, INVALID_UTF8, BAD_JSON, WRONG_TYPE, UNKNOWN_TYPE, NOT_AN_OBJECT,
        OVER_MAX, RANDOM_BYTES, HEARTBEAT
    }

    private static final String[] STATUSES = {"Pending", "Running", "Finished", "Failed", "Killed", "Canceled", "running",
        "Bogus", ""};
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
    private static final String[] WRONG_VALUES = {"\"7\"", "-1", "3.5", "true", "null", "[]", "{}", "[1,2]",
        "{\"a\":1}", "\"\"", "18446744073709551616", "1e400", "\"*\""};
    private static final String[] FIELDS = {"messageType", "requestId", "username", "jobId", "job", "cancel",
        "operation", "outputType", "tags", "statuses", "fields", "startTime", "endTime", "version", "nodes"};

    private final Random random;
    private final String user;
    private final String stranger;
    private final List<String> ownJobs;
    private final int maxMessageSize;
    private final AtomicLong ids;
    private final AtomicLong wrongIds = new AtomicLong(9_000_000_000L);
    private long openStream = -1;
    private int openStreamType;
    private String openStreamJob = "";

    /**
     * @param user who the valid requests come from; owns {@code ownJobs}
     * @param stranger a second user, who must not see those jobs
     * @param firstRequestId the first request id to use; ids only increase
     */
    FrameGenerator(long seed, String user, String stranger, List<String> ownJobs, int maxMessageSize, long firstRequestId) {
        this.random = new Random(seed);
        this.user = user;
        this.stranger = stranger;
        this.ownJobs = List.copyOf(ownJobs);
        this.maxMessageSize = maxMessageSize;
        this.ids = new AtomicLong(firstRequestId);
    }

    Frame next() {
        int dice = random.nextInt(1000);
        if (dice < 380) {
            return frame(Kind.VALID, validRequest());
        } else if (dice < 530) {
            return frame(Kind.MUTATED, mutate(validRequest(false)));
        } else if (dice < 590) {
            byte[] p = validRequest(false);
            return frame(Kind.TRUNCATED, Arrays.copyOf(p, random.nextInt(p.length)));
        } else if (dice < 620) {
            return swallowingNext();
        } else if (dice < 680) {
            return frame(Kind.INVALID_UTF8, invalidUtf8());
        } else if (dice < 750) {
            return frame(Kind.BAD_JSON, badJson());
        } else if (dice < 840) {
            return frame(Kind.WRONG_TYPE, wrongType());
        } else if (dice < 880) {
            return frame(Kind.UNKNOWN_TYPE, unknownType());
        } else if (dice < 910) {
            return frame(Kind.NOT_AN_OBJECT, notAnObject());
        } else if (dice < 915) {
            return frame(Kind.OVER_MAX, overMax());
        } else if (dice < 960) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            return frame(Kind.RANDOM_BYTES, bytes);
        } else {
            return frame(Kind.HEARTBEAT, utf8("{\"messageType\":0,\"requestId\":0}"));
        }
    }

    /** The end of a run: a frame whose payload stops short, then stdin closes. */
    byte[] cutShortFrame(long requestId) {
        byte[] payload = utf8("{\"messageType\":3,\"requestId\":" + requestId + ",\"username\":\"" + user
                + "\",\"jobId\":\"*\",\"encodedJobId\":\"\"}");
        int sent = payload.length - 10;
        return ByteBuffer.allocate(4 + sent).putInt(payload.length).put(payload, 0, sent).array();
    }

    long nextRequestId() {
        return ids.getAndIncrement();
    }

    private static Frame frame(Kind kind, byte[] payload) {
        return new Frame(kind, ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array(), payload);
    }

    /** The header announces this payload plus the whole next frame, which the plugin then reads as payload. */
    private Frame swallowingNext() {
        byte[] first = validRequest(false);
        byte[] second = frame(Kind.VALID, validRequest(false)).wire();
        byte[] payload = ByteBuffer.allocate(first.length + second.length).put(first).put(second).array();
        return frame(Kind.SWALLOWS_NEXT, payload);
    }

    // ---- valid requests ------------------------------------------------------------------------

    private byte[] validRequest() {
        return validRequest(true);
    }

    private byte[] validRequest(boolean mayCancel) {
        long id = nextRequestId();
        String who = random.nextInt(4) == 0 ? stranger : user;
        String job = jobId();
        StringBuilder r = new StringBuilder();
        // Submits, output streams (pod log reads) and config reloads cost the plugin real work: rarer.
        int dice = random.nextInt(1000);
        int type;
        if (dice < 1) {
            type = 2;
        } else if (dice < 11) {
            type = 6;
        } else if (dice < 16) {
            type = 202;
        } else if (dice < 60) {
            type = mayCancel ? -pickInt(4, 6, 7) : 4;
        } else {
            type = pickInt(3, 3, 3, 3, 4, 5, 5, 7, 8, 8, 9, 9, 201, 1);
        }
        if (type < 0 && openStream >= 0) {
            // close the stream opened last, with its own request id (never answered)
            r.append("{\"messageType\":").append(openStreamType).append(",\"requestId\":").append(openStream)
                    .append(",\"username\":\"").append(user).append("\",\"requestUsername\":\"").append(user)
                    .append("\",\"jobId\":\"").append(openStreamJob).append("\",\"encodedJobId\":\"\",\"cancel\":true}");
            openStream = -1;
            return utf8(r.toString());
        }
        if (type < 0) {
            // a cancel of a stream that was never opened: ignored silently
            return utf8("{\"messageType\":" + (-type) + ",\"requestId\":" + id + ",\"username\":\"" + who
                    + "\",\"jobId\":\"" + job + "\",\"cancel\":true}");
        }
        r.append("{\"messageType\":").append(type).append(",\"requestId\":").append(id);
        if (type == 1) {
            return utf8(r.append(",\"version\":{\"major\":").append(pickInt(3, 3, 2, 4)).append(",\"minor\":")
                    .append(random.nextInt(8)).append(",\"patch\":0}}").toString());
        }
        r.append(",\"username\":\"").append(who).append("\",\"requestUsername\":\"").append(who).append('"');
        switch (type) {
            case 2 -> r.append(",\"job\":{\"name\":\"fuzz ").append(id).append("\",\"command\":\"true\"")
                    .append(random.nextBoolean() ? ",\"tags\":[\"fuzz\"]" : ",\"exe\":\"/bin/true\"").append('}');
            case 3 -> {
                boolean all = random.nextBoolean();
                r.append(",\"jobId\":\"").append(all ? "*" : job).append("\",\"encodedJobId\":\"\"");
                if (all && random.nextBoolean()) {
                    r.append(",\"statuses\":[\"").append(STATUSES[random.nextInt(STATUSES.length)]).append("\"]");
                }
                if (all && random.nextInt(4) == 0) {
                    r.append(",\"tags\":[\"fuzz\"]");
                }
                if (random.nextInt(4) == 0) {
                    r.append(",\"startTime\":\"").append(pick("2020-01-01T00:00:00", "2020-01-01T00:00:00Z",
                            "2020-01-01T00:00:00.5+02:00", "yesterday", "2099-13-01T00:00:00")).append('"');
                }
                if (random.nextInt(4) == 0) {
                    r.append(",\"fields\":[\"status\",\"name\",\"nonsense\"]");
                }
            }
            case 4, 6, 7 -> {
                r.append(",\"jobId\":\"").append(job).append("\",\"encodedJobId\":\"\",\"cancel\":false");
                if (type == 6) {
                    r.append(",\"outputType\":").append(pick("0", "1", "2", "\"stdout\"", "\"mixed\"", "5"));
                }
                if (mayCancel) {
                    // only intact openings are cancelled later: a broken one may or may not have opened a stream
                    openStream = id;
                    openStreamType = type;
                    openStreamJob = job;
                }
            }
            case 5 -> r.append(",\"jobId\":\"").append(random.nextInt(10) == 0 ? "*" : job)
                    .append("\",\"encodedJobId\":\"\",\"operation\":").append(random.nextInt(7));
            case 8 -> r.append(",\"jobId\":\"").append(job).append("\",\"encodedJobId\":\"\"");
            case 201 -> r.append(",\"nodes\":[{\"host\":\"a\",\"ipv4\":\"10.0.0.1\",\"port\":5559,\"status\":\"Active\"}]");
            default -> {
            }
        }
        return utf8(r.append('}').toString());
    }

    private String jobId() {
        int dice = random.nextInt(10);
        if (dice < 6 && !ownJobs.isEmpty()) {
            return ownJobs.get(random.nextInt(ownJobs.size()));
        }
        return dice < 8 ? "no-such-job-" + random.nextInt(1000) : "";
    }

    // ---- broken frames -------------------------------------------------------------------------

    private byte[] mutate(byte[] payload) {
        byte[] p = payload;
        int operations = 1 + random.nextInt(4);
        for (int i = 0; i < operations && p.length > 0; i++) {
            int at = random.nextInt(p.length);
            switch (random.nextInt(4)) {
                case 0 -> p[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> p[at] = (byte) random.nextInt(256);
                case 2 -> {
                    byte[] q = new byte[p.length + 1];
                    System.arraycopy(p, 0, q, 0, at);
                    q[at] = (byte) "\"{},:\\[0x\0".charAt(random.nextInt(10));
                    System.arraycopy(p, at, q, at + 1, p.length - at);
                    p = q;
                }
                default -> {
                    byte[] q = new byte[p.length - 1];
                    System.arraycopy(p, 0, q, 0, at);
                    System.arraycopy(p, at + 1, q, at, p.length - at - 1);
                    p = q;
                }
            }
        }
        return p;
    }

    private byte[] invalidUtf8() {
        byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
        String where = pick("username", "jobId", "requestUsername");
        String json = "{\"messageType\":3,\"requestId\":" + nextRequestId() + ",\"" + where + "\":\"a@b\",\"username\":\""
                + user + "\",\"jobId\":\"*\"}";
        byte[] p = utf8(json);
        int at = json.indexOf("a@b") + 1;
        byte[] q = new byte[p.length - 1 + bad.length];
        System.arraycopy(p, 0, q, 0, at);
        System.arraycopy(bad, 0, q, at, bad.length);
        System.arraycopy(p, at + 1, q, at + bad.length, p.length - at - 1);
        return q;
    }

    private byte[] badJson() {
        long id = nextRequestId();
        String text = switch (random.nextInt(12)) {
            case 0 -> "{\"messageType\":3,\"requestId\":" + id + ",";
            case 1 -> "{\"messageType\":3,,\"requestId\":" + id + "}";
            case 2 -> "{'messageType':3,'requestId':" + id + "}";
            case 3 -> "{\"messageType\":3,\"requestId\":" + id + ",\"username\":NaN}";
            case 4 -> "{\"messageType\":3,\"requestId\":" + id + "} {\"messageType\":3}";
            case 5 -> "{\"messageType\":3,\"requestId\":" + id + ",\"job\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
            case 6 -> "{\"messageType\":3 /* comment */,\"requestId\":" + id + "}";
            case 7 -> "{\"requestId\":" + id + ",\"messageType\":3,\"username\":\"" + "x".repeat(20_000) + "}";
            case 8 -> "{\"messageType\":3,\"requestId\":" + id + ",\"username\":\"\\uD800\",\"jobId\":\"*\"}";
            case 9 -> "{\"messageType\":3,\"requestId\":" + id + ",\"username\":\"u\\q\"}";
            case 10 -> "\uFEFF{\"messageType\":9,\"requestId\":" + id + ",\"username\":\"u\"}";
            default -> "{\"messageType\":9,\"requestId\":" + id + ",\"username\":\"u\",\"username\":\"v\",}";
        };
        return utf8(text);
    }

    private byte[] wrongType() {
        String field = FIELDS[random.nextInt(FIELDS.length)];
        String value = WRONG_VALUES[random.nextInt(WRONG_VALUES.length)];
        long id = field.equals("requestId") ? wrongIds.getAndIncrement() : nextRequestId();
        int type = pickInt(2, 3, 4, 5, 6, 7, 8, 9, 1, 201);
        StringBuilder r = new StringBuilder("{");
        put(r, "messageType", field.equals("messageType") ? value : Integer.toString(type));
        put(r, "requestId", field.equals("requestId") ? value.replace("7", Long.toString(id)) : Long.toString(id));
        put(r, "username", field.equals("username") ? value : "\"" + user + "\"");
        for (String f : List.of("jobId", "job", "cancel", "operation", "outputType", "tags", "statuses", "fields",
                "startTime", "version", "nodes")) {
            if (f.equals(field)) {
                put(r, f, value);
            } else if (random.nextInt(3) == 0) {
                put(r, f, switch (f) {
                    case "jobId" -> "\"" + jobId() + "\"";
                    case "job" -> "{\"name\":\"n\",\"command\":\"true\",\"environment\":" + value + "}";
                    case "cancel" -> "false";
                    case "operation" -> "3";
                    case "outputType" -> "2";
                    case "version" -> "{\"major\":3,\"minor\":" + value + ",\"patch\":0}";
                    case "nodes" -> "[" + value + "]";
                    case "startTime" -> "\"2021-01-01T00:00:00Z\"";
                    default -> "[" + value + "]";
                });
            }
        }
        r.setLength(r.length() - 1);
        return utf8(r.append('}').toString());
    }

    private static void put(StringBuilder r, String name, String value) {
        r.append('"').append(name).append("\":").append(value).append(',');
    }

    private byte[] unknownType() {
        long type = pick(-2L, -1L, 10L, 11L, 17L, 100L, 200L, 203L, 255L, 1L << 31, 1L << 40, 99999L);
        return utf8("{\"messageType\":" + type + ",\"requestId\":" + nextRequestId() + ",\"username\":\"" + user
                + "\",\"jobId\":\"*\"}");
    }

    private byte[] notAnObject() {
        return utf8(pick("", " ", "[]", "[{\"messageType\":3,\"requestId\":1}]", "42", "\"text\"", "null", "true",
                "{}", "{\"requestId\":null}", "\t\n"));
    }

    private byte[] overMax() {
        int length = maxMessageSize + 1 + random.nextInt(4096);
        byte[] p = new byte[length];
        Arrays.fill(p, (byte) ' ');
        if (random.nextInt(4) != 0) {
            byte[] head = utf8("{\"messageType\":3,\"requestId\":" + nextRequestId() + ",\"username\":\"" + user
                    + "\",\"jobId\":\"*\",\"pad\":\"");
            System.arraycopy(head, 0, p, 0, head.length);
            p[length - 2] = '"';
            p[length - 1] = '}';
        }
        return p;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private int pickInt(int... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
