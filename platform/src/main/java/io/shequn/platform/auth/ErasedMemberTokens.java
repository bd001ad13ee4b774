package io.shequn.platform.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.UUID;

/**
 * Refuses, on every endpoint of every service, the still-valid tokens of a member who was erased
 * ({@link ErasedMembers}): answered 401 {@code member-erased}. Runs whenever a request's token is
 * authenticated, so endpoints added later are covered without doing anything.
 */
@ApplicationScoped
public class ErasedMemberTokens implements SecurityIdentityAugmentor {

    /** The attribute of the authentication failure naming the erased member. */
    private static final String ERASED_MEMBER = "shequn.erased-member";

    @Inject
    ErasedMembers erasedMembers;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        UUID member;
        try {
            member = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().item(identity);   // not a member id: Caller answers that
        }
        return context.runBlocking(() -> {
            if (erasedMembers.isErased(member)) {
                throw new AuthenticationFailedException("Member " + member + " was erased: their tokens are no longer accepted",
                        Map.of(ERASED_MEMBER, member));
            }
            return identity;
        });
    }

    /**
     * Why the authentication failed, if it is because the token is an erased member's (answered
     * 401 member-erased); null otherwise. Security may wrap the failure, so causes are looked at too.
     */
    public static String erasedMemberDetail(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailedException failed && failed.getAttribute(ERASED_MEMBER) != null) {
                return failed.getMessage();
            }
        }
        return null;
    }
}
