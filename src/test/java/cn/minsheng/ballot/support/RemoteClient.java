package cn.minsheng.ballot.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON client for driving a separately started service over loopback. */
public final class RemoteClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    public record Reply(int status, JsonNode body, long nanos, String contentType) {
        public JsonNode ok() {
            if (status >= 300) {
                throw new IllegalStateException("HTTP " + status + ": " + body);
            }
            return body;
        }
    }

    final HttpClient http;
    final String base;

    public RemoteClient(String base, int threads) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(threads)).build();
    }

    public Reply send(String method, String path, String token, Object body, Map<String, String> headers) throws Exception {
        return sendAsync(method, path, token, body, headers).get();
    }

    public CompletableFuture<Reply> sendAsync(String method, String path, String token, Object body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        if (body instanceof byte[] bytes) {
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        } else if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long start = System.nanoTime();
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            long nanos = System.nanoTime() - start;
            String type = r.headers().firstValue("Content-Type").orElse("");
            try {
                return new Reply(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()), nanos, type);
            } catch (Exception e) {
                return new Reply(r.statusCode(), null, nanos, type);
            }
        });
    }

    public JsonNode post(String path, String token, Object body) throws Exception {
        return send("POST", path, token, body, Map.of()).ok();
    }

    public String login(String congressCode, String username, String password) throws Exception {
        Map<String, Object> body = congressCode == null ? Map.of("username", username, "password", password)
                : Map.of("congressCode", congressCode, "username", username, "password", password);
        return post("/api/v1/auth/login", null, body).get("accessToken").asText();
    }
}
