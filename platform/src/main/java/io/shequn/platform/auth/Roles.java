package io.shequn.platform.auth;

/** The roles a token's {@code groups} claim can carry. */
public final class Roles {

    public static final String MEMBER = "member";
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
