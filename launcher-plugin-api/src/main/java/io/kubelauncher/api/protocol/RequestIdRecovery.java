package io.kubelauncher.api.protocol;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the {@code requestId} of a payload that cannot be decoded (broken JSON, bad UTF-8, a frame
 * over the size limit, a truncated frame), so that its Error answer reaches the right request.
 */
final class RequestIdRecovery {

    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\"\\s*:\\s*(\\d{1,18})(?![\\d.eE])");

    private final JsonMapper mapper;

    RequestIdRecovery(JsonMapper mapper) {
        this.mapper = mapper;
    }

    OptionalLong recover(byte[] payload) {
        OptionalLong parsed = fromTokens(payload);
        return parsed.isPresent() ? parsed : fromText(payload);
    }

    /** Reads tokens up to the first error: exact, as long as requestId comes before the damage. */
    private OptionalLong fromTokens(byte[] payload) {
        try (JsonParser parser = mapper.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return OptionalLong.empty();
            }
            int depth = 1;
            JsonToken token;
            while (depth > 0 && (token = parser.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case PROPERTY_NAME -> {
                        if (depth == 1 && "requestId".equals(parser.currentName())) {
                            JsonToken value = parser.nextToken();
                            if (value == JsonToken.VALUE_NUMBER_INT
                                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                                long id = parser.getLongValue();
                                return id >= 0 ? OptionalLong.of(id) : OptionalLong.empty();
                            }
                            return OptionalLong.empty();
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (JacksonException e) {
            // the damage came before requestId; fall back to the text
        }
        return OptionalLong.empty();
    }

    /** Last resort for text the tokenizer gave up on before reaching requestId. */
    private static OptionalLong fromText(byte[] payload) {
        Matcher m = REQUEST_ID.matcher(new String(payload, StandardCharsets.ISO_8859_1));
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
