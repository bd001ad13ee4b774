package io.shequn.group.invites;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Invite")
public record InviteResponse(@Schema(example = "K7Q2M9XA") String code, UUID groupId, UUID memberId, Instant createdAt) {
}
