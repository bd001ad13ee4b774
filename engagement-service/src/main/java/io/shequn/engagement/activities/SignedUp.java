package io.shequn.engagement.activities;

/** A sign-up, and whether this request made it (false: the member was signed up or waitlisted already). */
public record SignedUp(SignUpResponse signUp, boolean created) {
}
