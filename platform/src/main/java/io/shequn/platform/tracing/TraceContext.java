package io.shequn.platform.tracing;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * W3C trace context carried through Kafka: captured when an event is written to the outbox (so
 * the relayed record continues the request's trace) and restored when it is consumed.
 */
public final class TraceContext {

    private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    private TraceContext() {
    }

    /** The current trace as a {@code traceparent} value, or null outside a sampled trace. */
    public static String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        PROPAGATOR.inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** The context a consumed event's {@code traceparent} names, or the root context. */
    public static Context fromTraceparent(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return PROPAGATOR.extract(Context.root(), traceparent, GETTER);
    }
}
