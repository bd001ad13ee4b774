package io.shequn.group.admission;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Resolves an invite code to the current member of the group it belongs to. (Until invites exist: none.) */
@ApplicationScoped
public class InviteLookup {

    public Optional<UUID> inviter(UUID groupId, String code) {
        return Optional.empty();
    }
}
