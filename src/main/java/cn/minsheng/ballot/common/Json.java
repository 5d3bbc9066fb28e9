package cn.minsheng.ballot.common;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON helper: the application's {@link ObjectMapper} without checked exceptions. It reads what the service
 * stored itself (a column, a record), so text that is not the JSON expected is the service's fault, never the
 * client's: an {@link IllegalStateException} (a 500), not a 400. Request bodies are read by JAX-RS, not here.
 */
@ApplicationScoped
public class Json {

    @Inject
    ObjectMapper mapper;

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not writable as JSON: " + typeOf(value), e);
        }
    }

    public <T> T read(String text, Class<T> type) {
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw unreadable(type.getSimpleName(), e);
        }
    }

    public <T> T read(String text, TypeReference<T> type) {
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw unreadable(type.getType().getTypeName(), e);
        }
    }

    public <T> List<T> readList(String text, Class<T> element) {
        try {
            return mapper.readValue(text, mapper.getTypeFactory().constructCollectionType(List.class, element));
        } catch (JsonProcessingException e) {
            throw unreadable("List<" + element.getSimpleName() + ">", e);
        }
    }

    public JsonNode tree(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw unreadable("JSON", e);
        }
    }

    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    public <T> T read(JsonNode tree, Class<T> type) {
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw unreadable(type.getSimpleName(), e);
        }
    }

    private static IllegalStateException unreadable(String type, JsonProcessingException e) {
        return new IllegalStateException("stored text is not " + type, e);
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
