package io.shequn.systemtests;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Last of all: SIGTERM stops every process {@code ./shequn up} started and frees every port. */
@Order(Integer.MAX_VALUE)
class ShutdownIT extends SystemTest {

    @Test
    void sigtermStopsEveryProcessItStarted() throws InterruptedException {
        Process up = suite().process();
        up.destroy();
        assertThat(up.waitFor(90, TimeUnit.SECONDS)).as("./shequn up exits after SIGTERM").isTrue();
        assertThat(suite().printed()).contains("Stopped.");
        String data = suite().data.toString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(data)).orElse(false))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("")))
                    .as("processes still using " + data).isEmpty();
            suite().ports.forEach((name, port) -> assertThat(listening(port)).as(name + " port " + port + " closed").isFalse());
        });
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
