package io.newswatch.tagger.events.internal;

/**
 * The part a state plays in a sentence that moves goods ({@link Roles}). {@code ORIGIN} is the maker written before
 * the goods ("North Korean shells"); {@code USER} the subject of a use verb, the receiver only when the goods' maker
 * is named too; the two {@code SUBJECT_} parts come from the voice of the verb after the state and yield to a
 * preposition's part ({@link Direction}). {@code SPEAKER} is a state that only says or reports ("Russian officials
 * said", "according to Seoul", "МИД России", "러시아 전문가는"): no party, and not one to fill an unsaid side with.
 */
enum Role { NONE, FROM, TO, ORIGIN, USER, SUBJECT_FROM, SUBJECT_TO, SPEAKER }
