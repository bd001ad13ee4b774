package io.shequn.contracts.events;

/** The kinds of group activity: an expert talk (大咖分享), a topic discussion, a flash sale (秒杀), an offline meetup (线下聚会). */
public enum ActivityType {
    ONLINE_TALK,
    TOPIC_DISCUSSION,
    FLASH_SALE,
    OFFLINE_MEETUP
}
