package io.shequn.group.groups;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Groups by id and status. */
@ApplicationScoped
public class GroupRepository implements PanacheRepositoryBase<Group, UUID> {

    /** The group, locked for the rest of the transaction ({@code select ... for update}). */
    public Optional<Group> lock(UUID groupId) {
        return findByIdOptional(groupId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Newest first; every status when {@code status} is null. */
    public List<Group> page(GroupStatus status, int offset, int size) {
        return find("from Group g where (:status is null or g.status = :status) order by g.createdAt desc, g.id",
                Parameters.with("status", status))
                .range(offset, offset + size - 1).list();
    }

    public long count(GroupStatus status) {
        return count("from Group g where (:status is null or g.status = :status)", Parameters.with("status", status));
    }
}
