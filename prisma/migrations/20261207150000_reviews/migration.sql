-- Review (issue 22): a revision submitted for review, its decision, threads of comments anchored to words of a
-- revision, the desk inbox, and the newsroom's review rules. Comments and the review history are append-only
-- like the rest of the history; a request's state and a thread's resolution are the only rows that change.
CREATE TYPE "ReviewState" AS ENUM ('waiting', 'approved', 'changes_requested', 'withdrawn');
CREATE TYPE "ReviewAction" AS ENUM ('submit', 'withdraw', 'approve', 'request_changes', 'comment', 'reply', 'resolve_thread', 'reopen_thread', 'publish_without_review', 'change_rules');
CREATE TYPE "ReviewField" AS ENUM ('headline', 'dek', 'byline', 'body');
CREATE TYPE "InboxKind" AS ENUM ('review_requested', 'comment', 'reply', 'mention', 'decision');

ALTER TABLE "users" ADD COLUMN "email_notifications" BOOLEAN NOT NULL DEFAULT true;

CREATE TABLE "review_requests" (
    "id" UUID NOT NULL,
    "story_id" UUID NOT NULL,
    "revision_number" INTEGER NOT NULL,
    "content_hash" TEXT NOT NULL,
    "submitted_by_id" UUID NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "note" TEXT,
    "state" "ReviewState" NOT NULL DEFAULT 'waiting',
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,

    CONSTRAINT "review_requests_pkey" PRIMARY KEY ("id"),
    -- A decision names who made it and when; a waiting request has neither.
    CONSTRAINT "review_requests_decision_complete"
        CHECK (("state" = 'waiting') = ("decided_at" IS NULL) AND ("decided_at" IS NULL) = ("decided_by_id" IS NULL))
);

CREATE INDEX "review_requests_story_id_submitted_at_idx" ON "review_requests"("story_id", "submitted_at");
CREATE INDEX "review_requests_state_submitted_at_idx" ON "review_requests"("state", "submitted_at");
CREATE INDEX "review_requests_submitted_by_id_submitted_at_idx" ON "review_requests"("submitted_by_id", "submitted_at");

CREATE TABLE "review_request_reviewers" (
    "request_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,

    CONSTRAINT "review_request_reviewers_pkey" PRIMARY KEY ("request_id", "user_id")
);

CREATE INDEX "review_request_reviewers_user_id_idx" ON "review_request_reviewers"("user_id");

CREATE TABLE "review_threads" (
    "id" UUID NOT NULL,
    "story_id" UUID NOT NULL,
    "revision_number" INTEGER NOT NULL,
    "review_request_id" UUID,
    "anchor_revision_number" INTEGER,
    "anchor_field" "ReviewField",
    "anchor_start" INTEGER,
    "anchor_end" INTEGER,
    "anchor_quote" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,

    CONSTRAINT "review_threads_pkey" PRIMARY KEY ("id"),
    -- An anchor is whole or absent (a comment on the whole revision), and covers at least one character.
    CONSTRAINT "review_threads_anchor_complete" CHECK (
        ("anchor_field" IS NULL AND "anchor_revision_number" IS NULL AND "anchor_start" IS NULL
            AND "anchor_end" IS NULL AND "anchor_quote" IS NULL)
        OR ("anchor_field" IS NOT NULL AND "anchor_revision_number" IS NOT NULL AND "anchor_start" >= 0
            AND "anchor_end" > "anchor_start" AND length("anchor_quote") = "anchor_end" - "anchor_start")
    )
);

CREATE INDEX "review_threads_story_id_created_at_idx" ON "review_threads"("story_id", "created_at");

CREATE TABLE "review_comments" (
    "id" UUID NOT NULL,
    "thread_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP NOT NULL,

    CONSTRAINT "review_comments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "review_comments_body_not_blank" CHECK (length(btrim("body")) > 0)
);

CREATE INDEX "review_comments_thread_id_created_at_idx" ON "review_comments"("thread_id", "created_at");

CREATE TABLE "review_events" (
    "id" UUID NOT NULL,
    "story_id" UUID,
    "action" "ReviewAction" NOT NULL,
    "actor_id" UUID NOT NULL,
    "revision_number" INTEGER,
    "review_request_id" UUID,
    "thread_id" UUID,
    "comment_id" UUID,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "idempotency_key" TEXT,
    "request_fingerprint" TEXT,

    CONSTRAINT "review_events_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "review_events_story_id_idempotency_key_key" ON "review_events"("story_id", "idempotency_key");
CREATE INDEX "review_events_story_id_created_at_idx" ON "review_events"("story_id", "created_at");

CREATE TABLE "inbox_items" (
    "id" UUID NOT NULL,
    "recipient_id" UUID NOT NULL,
    "kind" "InboxKind" NOT NULL,
    "event_key" TEXT NOT NULL,
    "story_id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "review_request_id" UUID,
    "thread_id" UUID,
    "comment_id" UUID,
    "created_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "inbox_items_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "inbox_items_recipient_id_event_key_key" ON "inbox_items"("recipient_id", "event_key");
CREATE INDEX "inbox_items_recipient_id_read_at_created_at_idx" ON "inbox_items"("recipient_id", "read_at", "created_at");

CREATE TABLE "review_rules" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "contributors_need_approval" BOOLEAN NOT NULL DEFAULT false,
    "corrections_need_second_editor" BOOLEAN NOT NULL DEFAULT false,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP NOT NULL,

    CONSTRAINT "review_rules_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "review_rules_single_row" CHECK ("id" = 1)
);

INSERT INTO "review_rules" ("id") VALUES (1);

ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_story_id_revision_number_fkey" FOREIGN KEY ("story_id", "revision_number") REFERENCES "revisions"("story_id", "number") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_request_reviewers" ADD CONSTRAINT "review_request_reviewers_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "review_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_request_reviewers" ADD CONSTRAINT "review_request_reviewers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_threads" ADD CONSTRAINT "review_threads_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_threads" ADD CONSTRAINT "review_threads_review_request_id_fkey" FOREIGN KEY ("review_request_id") REFERENCES "review_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_threads" ADD CONSTRAINT "review_threads_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_threads" ADD CONSTRAINT "review_threads_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "review_threads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_review_request_id_fkey" FOREIGN KEY ("review_request_id") REFERENCES "review_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "review_threads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "review_comments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_review_request_id_fkey" FOREIGN KEY ("review_request_id") REFERENCES "review_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "review_threads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "review_comments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "review_rules" ADD CONSTRAINT "review_rules_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Comments and the review history are history: never edited or deleted.
CREATE TRIGGER "review_comments_append_only" BEFORE UPDATE OR DELETE ON "review_comments"
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse_history_change();
CREATE TRIGGER "review_comments_no_truncate" BEFORE TRUNCATE ON "review_comments"
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse_history_change();
CREATE TRIGGER "review_events_append_only" BEFORE UPDATE OR DELETE ON "review_events"
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse_history_change();
CREATE TRIGGER "review_events_no_truncate" BEFORE TRUNCATE ON "review_events"
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse_history_change();
