package io.shequn.contracts;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.shequn.contracts.events.MemberUpdated;
import io.shequn.contracts.events.MessageFlagged;
import io.shequn.contracts.events.MessagePosted;
import io.shequn.contracts.events.Purchase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRecordsTest {

    @Test
    void requiredListsDefaultToEmptyAndAreCopied() {
        assertThat(new MemberUpdated(Samples.MEMBER, "a", null, null, null).tags()).isEmpty();
        assertThat(new MessageFlagged(Samples.THING, Samples.GROUP, Samples.MEMBER, null, Samples.AT).matchedWords()).isEmpty();

        List<String> words = new ArrayList<>(List.of("a"));
        MessageFlagged flagged = new MessageFlagged(Samples.THING, Samples.GROUP, Samples.MEMBER, words, Samples.AT);
        words.add("b");
        assertThat(flagged.matchedWords()).containsExactly("a");
        assertThatThrownBy(() -> flagged.matchedWords().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void optionalListsKeepNullAndAreCopied() {
        MessagePosted noMentions = new MessagePosted(Samples.THING, Samples.GROUP, Samples.MEMBER,
                io.shequn.contracts.events.MessageKind.IMAGE, null, 0, null, null, Samples.AT);
        assertThat(noMentions.mentions()).isNull();
        assertThat(new Purchase(Samples.THING, Samples.MEMBER, 1, "CNY", null, null, null, Samples.AT).items()).isNull();

        List<UUID> mentions = new ArrayList<>(List.of(Samples.OTHER_MEMBER));
        MessagePosted posted = new MessagePosted(Samples.THING, Samples.GROUP, Samples.MEMBER,
                io.shequn.contracts.events.MessageKind.TEXT, "hi", 2, null, mentions, Samples.AT);
        mentions.clear();
        assertThat(posted.mentions()).containsExactly(Samples.OTHER_MEMBER);
    }

    /** Absent optional fields are left out rather than written as null. */
    @Test
    void absentOptionalFieldsAreOmitted() {
        var json = EventJson.mapper().valueToTree(
                new Purchase(Samples.THING, Samples.MEMBER, 1, "CNY", null, null, null, Samples.AT));
        assertThat(json.has("items")).isFalse();
        assertThat(json.has("groupId")).isFalse();
    }

    /** An order line of sku group-entry:{groupId} names the group whose entry fee it pays; it is no field of the event. */
    @Test
    void anEntryFeeSkuNamesItsGroup() {
        Purchase entry = new Purchase(Samples.THING, Samples.MEMBER, 9_900, "CNY", List.of(new Purchase.Item("BOOK-001", 1, 100),
                new Purchase.Item("group-entry:not-a-uuid", 1, 100), new Purchase.Item("group-entry:" + Samples.GROUP, 1, 9_700)),
                null, null, Samples.AT);
        assertThat(entry.entryFeeGroup()).contains(Samples.GROUP);
        assertThat(new Purchase(Samples.THING, Samples.MEMBER, 1, "CNY", null, null, null, Samples.AT).entryFeeGroup()).isEmpty();
        assertThat(new Purchase(Samples.THING, Samples.MEMBER, 1, "CNY", List.of(new Purchase.Item("BOOK-001", 1, 1)), null, null,
                Samples.AT).entryFeeGroup()).isEmpty();
        var json = EventJson.mapper().valueToTree(entry);
        assertThat(json.has("entryFeeGroup")).isFalse();
        assertThat(json.get("items").get(0).has("entryFeeGroup")).isFalse();
    }

    /** An event with an unknown enum value must fail to parse, so that it goes to the dead-letter topic. */
    @Test
    void unknownEnumValueFailsToParse() {
        var data = Samples.json(Events.MEMBER_JOINED).put("via", "TELEPATHY");
        assertThatThrownBy(() -> EventJson.mapper().treeToValue(data, Events.MEMBER_JOINED.dataType()))
                .isInstanceOf(JsonMappingException.class);
    }

    @Test
    void timestampsWithOffsetParseToTheSameInstant() throws Exception {
        var data = Samples.json(Events.MEMBER_VERIFIED).put("verifiedAt", "2025-03-01T10:03:04.123+08:00");
        assertThat(EventJson.mapper().treeToValue(data, Events.MEMBER_VERIFIED.dataType()).verifiedAt())
                .isEqualTo(Samples.AT);
    }
}
