package io.shequn.group.membership;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Ban")
public record BanResponse(UUID groupId, UUID memberId, String reason, UUID bannedBy, Instant bannedAt) {
}
