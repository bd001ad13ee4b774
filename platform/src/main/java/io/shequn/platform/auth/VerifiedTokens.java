package io.shequn.platform.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The JWT parser every request's bearer token goes through (SmallRye JWT's {@code MpJwtValidator}
 * asks {@link JWTParser#parse(String)}), remembering the tokens it has verified. Checking a
 * token's signature and claims costs a request more CPU than anything else the platform does for
 * it, and a client sends the same token with every request until it expires; so a token, keyed by
 * its exact string, is verified by SmallRye JWT the first time only.
 *
 * <p>What can change between two uses of the same token is still checked on each use: its
 * expiry here (with the same clock skew as SmallRye JWT's own check), the future {@code iat} by
 * {@link IssuedAtCheck} and the member's erasure by {@link ErasedMemberTokens}, which asks the
 * database every time. A token that fails verification is never remembered. The cache holds at
 * most {@code shequn.auth.verified-tokens} tokens (Caffeine picks which go first when full, and each goes at the
 * latest when it expires); 0 turns it off. Its hits and misses are the {@code cache_gets_total}
 * meter with {@code cache="verified-tokens"}. Every other method verifies as SmallRye JWT does.
 */
@Alternative
@Priority(1)
@Singleton
public class VerifiedTokens implements JWTParser {

    private final JWTParser verifier;
    private final long skewSeconds;
    private final LongSupplier epochSeconds;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    VerifiedTokens(DefaultJWTParser verifier, JWTAuthContextInfo config, MeterRegistry metrics,
                   @ConfigProperty(name = "shequn.auth.verified-tokens", defaultValue = "10000") int maxSize) {
        this(verifier, config.getClockSkew(), maxSize, () -> System.currentTimeMillis() / 1000);
        CaffeineCacheMetrics.monitor(metrics, verified, "verified-tokens");
    }

    VerifiedTokens(JWTParser verifier, long skewSeconds, int maxSize, LongSupplier epochSeconds) {
        this.verifier = verifier;
        this.skewSeconds = skewSeconds;
        this.epochSeconds = epochSeconds;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .executor(Runnable::run)
                .recordStats()
                .expireAfter(Expiry.<String, JsonWebToken>creating((token, jwt) -> Duration.ofSeconds(Math.max(0, refusedFrom(jwt) - epochSeconds.getAsLong()))))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            if (epochSeconds.getAsLong() >= refusedFrom(known)) {
                verified.invalidate(token);
                throw new ParseException("The token has expired");
            }
            return known;
        }
        JsonWebToken jwt = verifier.parse(token);
        if (jwt.getExpirationTime() > 0) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** The first second at which SmallRye JWT (jose4j) refuses the token as expired: exp plus the allowed skew. */
    private long refusedFrom(JsonWebToken jwt) {
        return jwt.getExpirationTime() + skewSeconds;
    }

    /** How many verified tokens are remembered now (for tests). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
