-- Wrong attendance codes per activity and member (activities/AttendanceCodeGuesses): after 5 within
-- 15 minutes of the first, every guess is refused with 429 until those 15 minutes have passed, so
-- nobody can try the codes one after another. In the database, so every replica counts the same.
create table activity_code_guess (
    activity_id     uuid         not null references activity (id),
    member_id       uuid         not null,
    wrong_guesses   integer      not null check (wrong_guesses > 0),
    first_wrong_at  timestamptz  not null,
    primary key (activity_id, member_id)
);
