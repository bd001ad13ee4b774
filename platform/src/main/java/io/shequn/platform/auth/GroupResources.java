package io.shequn.platform.auth;

import java.util.Optional;
import java.util.UUID;

/**
 * Resources that belong to a group or to none (a reward is a group's or global), so that an
 * {@link Allowed} audience can name them by their path parameter
 * ({@code @Allowed(value = GROUP_MANAGERS, pathParameter = "rewardId")}) and be checked before the
 * body is read. A resource of no group is open to any member for {@link Audience#GROUP_MEMBERS}
 * and to operators only for the narrower audiences.
 */
public interface GroupResources {

    /** The path parameter that names this kind of resource, e.g. {@code rewardId}. */
    String pathParameter();

    /** The group the resource belongs to, empty for one of no group; a 404 problem when it does not exist. */
    Optional<UUID> groupOf(UUID id);
}
