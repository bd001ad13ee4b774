-- Members who asked to be forgotten, as each service learnt it (member-service when it erases,
-- the others from member-erased): platform's ErasedMemberTokens refuses their tokens. Repeatable
-- and idempotent, so that it also reaches databases whose service migrations are past V1.
create table if not exists erased_member (
    member_id uuid        primary key,
    erased_at timestamptz not null
);
