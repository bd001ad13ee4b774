package io.shequn.platform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * The members who asked to be forgotten. Every service records an erasure here as it learns of it
 * (member-service where it erases, the others in their member-erased listener), and from then on
 * {@link ErasedMemberTokens} refuses the member's tokens on every endpoint of the service, so no
 * request can add personal data for them.
 */
@ApplicationScoped
public class ErasedMembers {

    /** What {@link #isErased} asks, bound with the member id. */
    public static final String IS_ERASED = "select 1 from erased_member where member_id = ?";

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    /** The member was erased at {@code at}; recording it again changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(UUID member, Instant at) {
        entityManager.createNativeQuery("insert into erased_member (member_id, erased_at) values (:member, :at) on conflict do nothing")
                .setParameter("member", member).setParameter("at", at).executeUpdate();
    }

    /**
     * Asked for every authenticated request, so it is one plain statement with no transaction of
     * its own: a JTA transaction and an ORM session around it cost the request more CPU than the
     * query. Inside a transaction the pool hands out that transaction's connection, so an erasure
     * recorded earlier in it is seen.
     */
    public boolean isErased(UUID member) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(IS_ERASED)) {
            select.setObject(1, member);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check whether member " + member + " was erased", e);
        }
    }
}
