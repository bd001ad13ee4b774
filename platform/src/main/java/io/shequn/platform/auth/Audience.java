package io.shequn.platform.auth;

/**
 * Who may call an operation, beyond what the token's roles admit. Operators are always admitted.
 * The name of each value is what the OpenAPI document publishes as the operation's
 * {@code x-shequn-access} (lower case, dashes), so clients and the generic access test read it.
 */
public enum Audience {

    /** Any caller whose token the operation's roles admit; the answer may depend on who calls. */
    ANY_MEMBER("memberId"),
    /** Current members of the group named by the path's {@code {groupId}}. */
    GROUP_MEMBERS("groupId"),
    /** The owner and admins of the group named by {@code {groupId}}. */
    GROUP_MANAGERS("groupId"),
    /** The owner of the group named by {@code {groupId}}. */
    GROUP_OWNER("groupId"),
    /** The member named by the path's {@code {memberId}}. */
    SELF("memberId"),
    /** The member named by {@code {memberId}} (about themselves), or members of the group in {@code {groupId}}. */
    SELF_OR_GROUP_MEMBERS("memberId"),
    /** The member named by {@code {memberId}} (about themselves), or the owner and admins of {@code {groupId}}. */
    SELF_OR_GROUP_MANAGERS("memberId"),
    /** Operators only (the operation's roles admit nobody else). */
    OPERATORS("");

    private final String pathParameter;

    Audience(String pathParameter) {
        this.pathParameter = pathParameter;
    }

    /** The path parameter this audience is checked against unless {@link Allowed#pathParameter()} names another. */
    public String defaultPathParameter() {
        return pathParameter;
    }

    /** As published in the OpenAPI document: {@code GROUP_MANAGERS} → {@code group-managers}. */
    public String published() {
        return name().toLowerCase().replace('_', '-');
    }
}
