package io.shequn.platform.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource method. {@link AccessFilter} checks it before the request's body is
 * read, so a caller without rights gets 403 whatever they send (a 400 would tell them what would
 * pass). The OpenAPI document publishes it as {@code x-shequn-access}; every secured operation
 * declares one (an operator-only {@code @RolesAllowed} counts as {@link Audience#OPERATORS}).
 * Refusals that follow from the caller's state towards the path (a ban, a rank) are named in
 * {@link #checks()} and run at the same gate; only those that depend on the body stay in the service.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allowed {

    Audience value();

    /** The path parameter holding the group or member id, when it is not the audience's default. */
    String pathParameter() default "";

    /** Beans run after the audience, before the body is read, in this order. */
    Class<? extends CallerCheck>[] checks() default {};
}
