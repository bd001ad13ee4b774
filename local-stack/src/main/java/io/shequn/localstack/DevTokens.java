package io.shequn.localstack;

import io.smallrye.jwt.build.Jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Mints bearer tokens signed with the development key: {@code sub} is the member id, the
 * {@code groups} claim carries the roles ({@code member}, and {@code operator} for operators).
 */
public final class DevTokens {

    private final DevKeys keys;

    public DevTokens(DevKeys keys) {
        this.keys = keys;
    }

    public String member(UUID memberId) {
        return sign(memberId, Set.of("member"), Duration.ofHours(1));
    }

    public String operator(UUID memberId) {
        return sign(memberId, Set.of("member", "operator"), Duration.ofHours(1));
    }

    /** A member's token that claims to be issued at {@code issuedAt}, valid for an hour after it. */
    public String issuedAt(UUID memberId, Instant issuedAt) {
        return Jwt.issuer(DevKeys.ISSUER)
                .subject(memberId.toString())
                .upn(memberId.toString())
                .groups(Set.of("member"))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(Duration.ofHours(1)))
                .sign(keys.privateKey());
    }

    public String sign(UUID memberId, Set<String> roles, Duration lifetime) {
        return Jwt.issuer(DevKeys.ISSUER)
                .subject(memberId.toString())
                .upn(memberId.toString())
                .groups(new LinkedHashSet<>(roles))
                .expiresIn(lifetime)
                .sign(keys.privateKey());
    }
}
