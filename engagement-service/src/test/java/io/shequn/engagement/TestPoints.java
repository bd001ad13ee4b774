package io.shequn.engagement;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.operatorToken;

/** Gives members points through the API and reads back what the ledger recorded about a thing. */
public final class TestPoints {

    private TestPoints() {
    }

    /** Members who joined a group of their own here, so that engagement-service has seen them. */
    private static final Set<UUID> SEEN = ConcurrentHashMap.newKeySet();

    /** An operator grants {@code points}; a member the service has never seen first joins a group of their own (grants need a seen member). */
    public static void grant(UUID member, long points) {
        if (SEEN.add(member)) {
            GroupEvents.join(UUID.randomUUID(), member);
        }
        given().auth().oauth2(operatorToken()).contentType("application/json").body(Map.of("delta", points, "reason", "seed"))
                .when().post("/api/v1/members/" + member + "/points/adjustments").then().statusCode(201);
    }

    /** The ledger entries with this reason and reference: each member's delta (at most one per member, by the ledger's rule). */
    public static Map<UUID, Long> entries(DataSource dataSource, String reason, UUID reference) throws SQLException {
        Map<UUID, Long> deltas = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select member_id, delta from points_entry where reason = ? and reference_id = ?")) {
            query.setString(1, reason);
            query.setObject(2, reference);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (deltas.put(rows.getObject(1, UUID.class), rows.getLong(2)) != null) {
                        throw new AssertionError("Two " + reason + " entries of one member for " + reference);
                    }
                }
            }
        }
        return deltas;
    }

    /** The sum of every ledger delta caused by {@code reference}, whatever the reason. */
    public static long net(DataSource dataSource, UUID reference) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select coalesce(sum(delta), 0) from points_entry where reference_id = ?")) {
            query.setObject(1, reference);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
