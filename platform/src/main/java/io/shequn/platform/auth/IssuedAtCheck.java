package io.shequn.platform.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a token whose {@code iat} lies in the future by more than the clock skew SmallRye JWT
 * allows for {@code exp} ({@code mp.jwt.verify.clock.skew}): such a token was minted by a
 * wrong clock or forged to outlive its issuer's rules, and SmallRye JWT itself only checks that
 * {@code iat} comes before {@code exp}. Like the expiry check, it reads the system clock.
 */
@ApplicationScoped
public class IssuedAtCheck implements SecurityIdentityAugmentor {

    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    long skewSeconds;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token
                && token.getIssuedAtTime() > System.currentTimeMillis() / 1000 + skewSeconds) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The token's iat lies in the future"));
        }
        return Uni.createFrom().item(identity);
    }
}
