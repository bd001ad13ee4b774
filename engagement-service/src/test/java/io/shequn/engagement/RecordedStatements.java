package io.shequn.engagement;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Test-only: the SQL text of every statement the service prepares through Hibernate (native
 * queries included) on the threads whose recording is switched on. The grab benchmark records one
 * grab with it, so that its plain-JDBC baseline runs exactly the statements the service runs.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class RecordedStatements implements StatementInspector {

    private volatile Predicate<Thread> recording;
    private final List<String> statements = new ArrayList<>();

    @Override
    public String inspect(String sql) {
        Predicate<Thread> current = recording;
        if (current != null && current.test(Thread.currentThread())) {
            synchronized (statements) {
                statements.add(sql);
            }
        }
        return sql;
    }

    /** Records the statements of every thread while {@code action} runs; returns them in order. */
    public List<String> during(Runnable action) {
        synchronized (statements) {
            statements.clear();
        }
        recording = thread -> thread.getName().startsWith("executor-thread");
        try {
            action.run();
        } finally {
            recording = null;
        }
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }
}
