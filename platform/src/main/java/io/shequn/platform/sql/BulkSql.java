package io.shequn.platform.sql;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Many rows in one statement of constant text, one array parameter per column:
 * <pre>insert into t (a, b) select * from unnest(?::uuid[], ?::date[]) on conflict do nothing</pre>
 * One round trip instead of one per row, and a statement PostgreSQL prepares once. Values travel
 * as text (UUIDs, dates, instants and numbers print as PostgreSQL reads them) and the SQL casts
 * each array to its column's type. Runs on the JDBC connection of the current transaction.
 */
public final class BulkSql {

    private BulkSql() {
    }

    /** @return the update count */
    public static int update(EntityManager entityManager, String sql, List<Object[]> rows) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, rows)) {
                return statement.executeUpdate();
            }
        });
    }

    /** For statements that return rows ({@code select}, {@code … returning}): each row's columns. */
    public static List<Object[]> query(EntityManager entityManager, String sql, List<Object[]> rows) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, rows); ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                List<Object[]> out = new ArrayList<>();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    out.add(row);
                }
                return out;
            }
        });
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        int columns = rows.isEmpty() ? statement.getParameterMetaData().getParameterCount() : rows.get(0).length;
        for (int column = 0; column < columns; column++) {
            String[] values = new String[rows.size()];
            for (int row = 0; row < rows.size(); row++) {
                Object value = rows.get(row)[column];
                values[row] = value == null ? null : value.toString();
            }
            Array array = connection.createArrayOf("text", values);
            statement.setArray(column + 1, array);
        }
        return statement;
    }
}
