package io.shequn.group.admission;

import java.util.Optional;
import java.util.UUID;

/** Resolves an invite code to the current member of the group it belongs to. */
public interface InviteLookup {

    Optional<UUID> inviter(UUID groupId, String code);
}
