package io.shequn.platform.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.List;

/**
 * Many rows in one native statement: {@code insert … values (?1, ?2), (?3, ?4) …}. One round trip
 * instead of one per row is what makes batch consumption fast.
 */
public final class ValuesList {

    private ValuesList() {
    }

    /**
     * A native query of {@code before + "(?1, ?2, …), (…)" + after} with every row's values bound in order.
     *
     * @param rows each row's values, all rows of the same length
     */
    public static Query query(EntityManager entityManager, String before, List<Object[]> rows, String after) {
        int columns = rows.get(0).length;
        StringBuilder sql = new StringBuilder(before);
        int parameter = 1;
        for (int row = 0; row < rows.size(); row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 0; column < columns; column++) {
                sql.append(column == 0 ? "?" : ", ?").append(parameter++);
            }
            sql.append(')');
        }
        Query query = entityManager.createNativeQuery(sql.append(after).toString());
        parameter = 1;
        for (Object[] row : rows) {
            for (Object value : row) {
                query.setParameter(parameter++, value);
            }
        }
        return query;
    }
}
