-- How far a movable clock (shequn.clock.movable=true, local simulations only) runs ahead of the
-- system clock, so that a restarted service, or a second replica on the same database, resumes
-- where the clock was moved to instead of going back to the real date. One row at most; empty
-- unless the clock was ever moved. Repeatable and idempotent, so that it also reaches databases
-- whose service migrations are past V1.
create table if not exists platform_clock (
    id            smallint    primary key check (id = 1),
    offset_millis bigint      not null,
    moved_at      timestamptz not null
);
