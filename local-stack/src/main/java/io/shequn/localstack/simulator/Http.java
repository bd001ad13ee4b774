package io.shequn.localstack.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.shequn.contracts.EventJson;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's REST client: JSON in and out, at most {@code rate} calls a second, and patient
 * the way a real client is. A service that is not listening (restarting) or answers 502/503 is
 * retried for up to three minutes; {@code 403 not-a-member} and 429 with {@code Retry-After}
 * (a join engagement-service has not learnt of yet) for up to a minute. A request whose outcome
 * is unknown (the connection broke after it was sent) is retried only when the caller says the
 * operation is idempotent; otherwise it fails with {@link Unknown}.
 */
final class Http {

    static final ObjectMapper JSON = EventJson.mapper();

    private static final Duration DOWN_PATIENCE = Duration.ofMinutes(3);
    private static final Duration PROPAGATION_PATIENCE = Duration.ofMinutes(1);

    /** An answer: its status and body (a missing node when empty or not JSON). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem type's last segment: {@code red-packet-empty}. */
        String problem() {
            String type = body.path("type").asText("");
            return type.substring(type.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** The connection broke after the request was sent: it may or may not have been applied. */
    static final class Unknown extends RuntimeException {
        Unknown(String what, IOException cause) {
            super(what + ": the connection broke after the request was sent", cause);
        }
    }

    /** An answer the simulation did not expect. */
    static final class Refused extends RuntimeException {
        Refused(String what, Answer answer) {
            super(what + " → " + answer);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final long nanosPerCall;
    private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());
    final AtomicLong calls = new AtomicLong();

    Http(int rate) {
        this.nanosPerCall = rate == 0 ? 0 : 1_000_000_000L / rate;
    }

    /** Waits for this call's slot under the rate limit (shared with the events the simulation publishes). */
    void pace() {
        if (nanosPerCall == 0) {
            return;
        }
        long slot = nextSlot.getAndAccumulate(nanosPerCall, (next, step) -> Math.max(next, System.nanoTime()) + step);
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            sleep(Duration.ofNanos(wait));
        }
    }

    Answer get(String url, String token) {
        return send("GET", url, token, null, null, true);
    }

    Answer post(String url, String token, Object body, boolean idempotent) {
        return send("POST", url, token, body, null, idempotent);
    }

    Answer put(String url, String token, Object body) {
        return send("PUT", url, token, body, null, true);
    }

    Answer delete(String url, String token) {
        return send("DELETE", url, token, null, null, true);
    }

    /** A POST with an {@code Idempotency-Key}, so that a retry after an unknown outcome is answered with the first result. */
    Answer postOnce(String url, String token, Object body, UUID idempotencyKey) {
        return send("POST", url, token, body, idempotencyKey, true);
    }

    /** Expects a 2xx answer; anything else fails the simulation with what was asked and answered. */
    static JsonNode expect(String what, Answer answer) {
        if (!answer.ok()) {
            throw new Refused(what, answer);
        }
        return answer.body();
    }

    private Answer send(String method, String url, String token, Object body, UUID idempotencyKey, boolean idempotent) {
        Instant downSince = null;
        Instant waitingSince = null;
        while (true) {
            pace();
            calls.incrementAndGet();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey.toString());
            }
            try {
                request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
                if (body != null) {
                    request.header("Content-Type", "application/json");
                }
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                Answer answer = new Answer(response.statusCode(), parse(response.body()));
                downSince = null;
                if (answer.status() == 502 || answer.status() == 503) {
                    downSince = waitDown(method + " " + url, Instant.now(), answer.toString());
                    continue;
                }
                boolean propagating = answer.status() == 429 || answer.status() == 403 && answer.problem().equals("not-a-member");
                if (propagating && response.headers().firstValue("Retry-After").isPresent()) {
                    waitingSince = waitingSince == null ? Instant.now() : waitingSince;
                    if (Duration.between(waitingSince, Instant.now()).compareTo(PROPAGATION_PATIENCE) < 0) {
                        sleep(Duration.ofMillis(250));
                        continue;
                    }
                }
                return answer;
            } catch (ConnectException | HttpConnectTimeoutException notListening) {
                downSince = waitDown(method + " " + url, downSince == null ? Instant.now() : downSince, notListening.toString());
            } catch (IOException broken) {
                if (!idempotent) {
                    throw new Unknown(method + " " + url, broken);
                }
                downSince = waitDown(method + " " + url, downSince == null ? Instant.now() : downSince, broken.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static Instant waitDown(String what, Instant since, String why) {
        if (Duration.between(since, Instant.now()).compareTo(DOWN_PATIENCE) > 0) {
            throw new IllegalStateException(what + ": the service did not answer for " + DOWN_PATIENCE + " (" + why + ")");
        }
        sleep(Duration.ofMillis(500));
        return since;
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
