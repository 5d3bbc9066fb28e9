package cn.minsheng.ballot.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A Server-Sent Events subscription read on a thread of its own; the data lines queue up for the test. */
public final class SseEvents implements AutoCloseable {

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<String> data = new LinkedBlockingQueue<>();

    private SseEvents(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseEvents open(String url, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build();
        return new SseEvents(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream()));
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                if (line.startsWith("data:")) {
                    data.add(line.substring(5).trim());
                }
            }
        } catch (IOException closed) {
            // the subscription ended
        }
    }

    /** The next event containing {@code wanted}; waits generously (no timing assertion), then fails. */
    public String next(String wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String e = data.poll(200, TimeUnit.MILLISECONDS);
            if (e != null && e.contains(wanted)) {
                return e;
            }
        }
        throw new AssertionError("no event with " + wanted);
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
