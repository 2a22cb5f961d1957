package dev.aiworkbook.lessons.completions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Jackson for the bodies, and two ways to print one: as sent, and briefly pretty. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A POST of the body, as compact JSON; the caller adds the auth headers. */
    static Request.Builder post(String url, JsonNode body) {
        return new Request.Builder().url(url).post(RequestBody.create(compact(body), JSON_TYPE));
    }

    /** The body exactly as it goes on the wire: no spaces, fields in the order they were put. */
    static String compact(JsonNode body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Pretty, but short: one line per top-level field, and one line per element of a top-level
     * array (a message, an input item, a content), each element compact.
     */
    static String brief(JsonNode body) {
        StringBuilder text = new StringBuilder("{\n");
        int left = body.size();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            text.append("  \"").append(field.getKey()).append("\": ");
            JsonNode value = field.getValue();
            if (value.isArray() && !value.isEmpty()) {
                text.append("[\n");
                for (int i = 0; i < value.size(); i++) {
                    text.append("    ").append(compact(value.get(i))).append(i + 1 < value.size() ? ",\n" : "\n");
                }
                text.append("  ]");
            } else {
                text.append(compact(value));
            }
            text.append(--left > 0 ? ",\n" : "\n");
        }
        return text.append("}").toString();
    }
}
