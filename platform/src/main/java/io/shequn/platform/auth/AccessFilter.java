package io.shequn.platform.auth;

import io.shequn.contracts.events.GroupRole;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.UUID;

/**
 * Checks a method's {@link Allowed} audience, then its {@link Allowed#checks()}, after the request
 * is matched and authenticated and before its body is read or validated. A path id that is not a UUID passes: the resource answers
 * 404 for it, as for any unknown id. A group audience reads the caller's role from the service's
 * {@link GroupRoles}, for the group in {@code {groupId}} or the one a {@link GroupResources}
 * resource belongs to.
 */
public class AccessFilter {

    @Inject
    Caller caller;

    @Inject
    Instance<GroupRoles> groupRoles;

    @Inject
    Instance<GroupResources> groupResources;

    @Inject
    Instance<CallerCheck> callerChecks;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void check(ResourceInfo resource, UriInfo uri) {
        Allowed allowed = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(Allowed.class);
        if (allowed == null) {
            return;
        }
        if (allowed.value() != Audience.ANY_MEMBER && allowed.value() != Audience.OPERATORS && !caller.isOperator()) {
            checkAudience(allowed, uri);
        }
        for (Class<? extends CallerCheck> check : allowed.checks()) {
            callerChecks.select(check).get().check(uri, caller);
        }
    }

    private void checkAudience(Allowed allowed, UriInfo uri) {
        Audience audience = allowed.value();
        String name = allowed.pathParameter().isEmpty() ? audience.defaultPathParameter() : allowed.pathParameter();
        UUID me = caller.memberId();
        switch (audience) {
            case SELF -> id(uri, name).filter(id -> !id.equals(me)).ifPresent(id -> {
                throw ProblemException.forbidden("Only member " + id + " and operators may do this");
            });
            case SELF_OR_GROUP_MEMBERS, SELF_OR_GROUP_MANAGERS -> {
                if (id(uri, name).filter(me::equals).isEmpty()) {
                    requireRole(uri, "groupId", me,
                            audience == Audience.SELF_OR_GROUP_MEMBERS ? Audience.GROUP_MEMBERS : Audience.GROUP_MANAGERS);
                }
            }
            default -> requireRole(uri, name, me, audience);
        }
    }

    private void requireRole(UriInfo uri, String name, UUID me, Audience audience) {
        Optional<UUID> group = id(uri, name);
        if (group.isEmpty()) {
            return;
        }
        if (!name.equals("groupId")) {
            UUID resource = group.get();
            group = groupResources.stream().filter(kind -> kind.pathParameter().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No GroupResources bean for {" + name + "}"))
                    .groupOf(resource);
            if (group.isEmpty()) {
                if (audience == Audience.GROUP_MEMBERS) {
                    return;
                }
                throw forbidden("forbidden", "Only operators may do this to " + name.replaceAll("Id$", "") + " " + resource
                        + ", which belongs to no group");
            }
        }
        GroupRole role = groupRoles.get().activeRole(group.get(), me).orElse(null);
        if (role == null) {
            throw groupRoles.get().refuseNonMember(group.get(), me);
        }
        boolean allowed = switch (audience) {
            case GROUP_MEMBERS -> true;
            case GROUP_MANAGERS -> role == GroupRole.OWNER || role == GroupRole.ADMIN;
            case GROUP_OWNER -> role == GroupRole.OWNER;
            default -> throw new IllegalStateException("not a group audience: " + audience);
        };
        if (!allowed) {
            UUID id = group.get();
            throw audience == Audience.GROUP_MANAGERS
                    ? forbidden("not-a-group-manager", "Only the owner and admins of group " + id + " and operators may do this")
                    : forbidden("not-the-owner", "Only the owner of group " + id + " and operators may do this");
        }
    }

    private static ProblemException forbidden(String slug, String detail) {
        return new ProblemException(403, slug, "Forbidden", detail);
    }

    private static Optional<UUID> id(UriInfo uri, String name) {
        return CallerCheck.pathId(uri, name);
    }
}
