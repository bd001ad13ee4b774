package io.shequn.platform.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache of verified tokens in front of SmallRye JWT's verification (here a verifier that
 * counts its calls and knows which tokens are good, and a clock the test moves). The services'
 * tests cover the same through HTTP with real tokens (MemberResourceTest, ErasureResourceTest).
 */
class VerifiedTokensTest {

    private static final long SKEW = 60;

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Map<String, Long> good = new HashMap<>();
    private final Map<String, Integer> verifications = new HashMap<>();
    private final DefaultJWTParser verifier = new DefaultJWTParser() {
        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.merge(token, 1, Integer::sum);
            Long exp = good.get(token);
            if (exp == null || now.get() >= exp + SKEW) {
                throw new ParseException("refused by the verifier");
            }
            return jwt(exp);
        }
    };

    private VerifiedTokens tokens(int maxSize) {
        return new VerifiedTokens(verifier, SKEW, maxSize, now::get);
    }

    @Test
    void aTokenIsVerifiedOnceThenAnsweredFromTheCache() throws ParseException {
        VerifiedTokens tokens = tokens(100);
        good.put("a", now.get() + 3600);
        JsonWebToken first = tokens.parse("a");
        assertThat(tokens.parse("a")).isSameAs(first);
        assertThat(tokens.parse("a")).isSameAs(first);
        assertThat(verifications).containsEntry("a", 1);
    }

    @Test
    void aCachedTokenIsRefusedFromTheSecondItsExpiryPlusTheSkewIsReached() throws ParseException {
        VerifiedTokens tokens = tokens(100);
        long exp = now.get() + 10;
        good.put("a", exp);
        tokens.parse("a");
        now.set(exp + SKEW - 1);
        tokens.parse("a");   // still within the skew, as SmallRye JWT would accept it
        assertThat(verifications).containsEntry("a", 1);
        now.set(exp + SKEW);
        assertThatThrownBy(() -> tokens.parse("a")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("a")).isInstanceOf(ParseException.class);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        VerifiedTokens tokens = tokens(100);
        assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        assertThat(verifications).containsEntry("forged", 2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void onlyTheExactTokenStringHits() throws ParseException {
        VerifiedTokens tokens = tokens(100);
        good.put("a", now.get() + 3600);
        tokens.parse("a");
        assertThatThrownBy(() -> tokens.parse("a ")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("A")).isInstanceOf(ParseException.class);
    }

    @Test
    void theCacheIsBoundedAndZeroTurnsItOff() throws ParseException {
        VerifiedTokens bounded = tokens(50);
        for (int i = 0; i < 500; i++) {
            good.put("t" + i, now.get() + 3600);
            bounded.parse("t" + i);
        }
        assertThat(bounded.size()).isLessThanOrEqualTo(50);

        VerifiedTokens off = tokens(0);
        off.parse("t1");
        off.parse("t1");
        assertThat(off.size()).isZero();
        assertThat(verifications).containsEntry("t1", 3);
    }

    private static JsonWebToken jwt(long exp) {
        Map<String, Object> claims = Map.of("exp", exp, "sub", "m", "groups", Set.of("member"));
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "m";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
