package io.shequn.platform.auth;

import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** Who is calling: the token's subject is the member id. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public UUID memberId() {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "The token's subject is not a member id");
        }
    }

    public boolean isOperator() {
        return token.getGroups().contains(Roles.OPERATOR);
    }
}
