package io.shequn.contracts.events;

/** What a group is for; drives its template and how its health is judged. */
public enum GroupType {
    LEARNING, SHARING, CONSULTING, INTEREST, PRODUCT, SERVICE, PAID_KNOWLEDGE
}
