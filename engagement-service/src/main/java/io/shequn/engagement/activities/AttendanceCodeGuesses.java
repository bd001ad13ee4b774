package io.shequn.engagement.activities;

import io.shequn.engagement.Rows;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Limits wrong attendance codes, per activity and member: after {@value #LIMIT} wrong guesses
 * within {@link #WINDOW} of the first, every guess (the right one too) is refused with 429 until
 * that window has passed, so the code cannot be found by trying. A wrong guess is counted in the
 * attendance's transaction, which commits it although the request is refused: the refusal is a
 * {@link Refused}, which that transaction does not roll back for (nothing else is written before
 * it). The count is one upsert, so racing guesses are each counted once.
 */
@ApplicationScoped
public class AttendanceCodeGuesses {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private static final Logger LOG = Logger.getLogger(AttendanceCodeGuesses.class);

    @Inject
    EntityManager entityManager;

    /** A refused guess: answered like any problem, but its transaction commits the count. */
    public static final class Refused extends ProblemException {
        Refused(int status, String slug, String title, String detail) {
            super(status, slug, title, detail);
        }
    }

    /** 429 while the member has used up their wrong guesses for this activity. */
    void requireGuessesLeft(UUID activityId, UUID memberId, Instant now) {
        List<?> rows = entityManager.createNativeQuery("""
                        select wrong_guesses, first_wrong_at from activity_code_guess where activity_id = :id and member_id = :member""")
                .setParameter("id", activityId).setParameter("member", memberId).getResultList();
        if (!rows.isEmpty()) {
            Object[] row = (Object[]) rows.get(0);
            refuseBeyondLimit(activityId, Rows.integer(row[0]), Rows.instant(row[1]), now);
        }
    }

    /** Counts a wrong guess, in the caller's transaction; returns what to answer: 422 {@code wrong-attendance-code} within the limit, else 429. */
    Refused wrong(UUID activityId, UUID memberId, Instant now) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        insert into activity_code_guess (activity_id, member_id, wrong_guesses, first_wrong_at) values (:id, :member, 1, :now)
                        on conflict (activity_id, member_id) do update set
                            wrong_guesses = case when activity_code_guess.first_wrong_at <= :windowStart then 1
                                                 else activity_code_guess.wrong_guesses + 1 end,
                            first_wrong_at = case when activity_code_guess.first_wrong_at <= :windowStart then excluded.first_wrong_at
                                                  else activity_code_guess.first_wrong_at end
                        returning wrong_guesses, first_wrong_at""")
                .setParameter("id", activityId).setParameter("member", memberId).setParameter("now", now)
                .setParameter("windowStart", now.minus(WINDOW)).getSingleResult();
        int wrong = Rows.integer(row[0]);
        if (wrong == LIMIT + 1) {
            LOG.infof("Member %s used up their attendance code guesses for activity %s", memberId, activityId);
        }
        refuseBeyondLimit(activityId, wrong - 1, Rows.instant(row[1]), now);
        return new Refused(422, "wrong-attendance-code", "Unprocessable", "code: not the code of activity " + activityId
                + " (" + (LIMIT - wrong) + " wrong guesses left)");
    }

    private static void refuseBeyondLimit(UUID activityId, int wrongBefore, Instant firstWrongAt, Instant now) {
        Instant until = firstWrongAt.plus(WINDOW);
        if (wrongBefore >= LIMIT && until.isAfter(now)) {
            long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
            throw (Refused) new Refused(429, "too-many-attendance-code-guesses", "Too many requests", "code: " + LIMIT
                    + " wrong codes for activity " + activityId + " since " + firstWrongAt + "; try again after " + until)
                    .retryAfter((int) seconds);
        }
    }
}
