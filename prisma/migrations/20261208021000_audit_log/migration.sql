-- The newsroom audit log (issue 25). Acts that left no row of their own until now (people and their roles,
-- passwords, sign-out everywhere, API tokens) are recorded here, each in its own act's transaction. Everything
-- already recorded elsewhere (status events, schedules, restores, auth_events, legal removals) is read from
-- there by lib/audit, never copied, so a legal removal's redaction reaches the log too. `detail` holds only
-- whitelisted, non-secret facts (lib/audit/audit-detail.ts); no free text is ever kept here.

CREATE TYPE "AuditEventKind" AS ENUM (
    'user_added', 'role_changed', 'user_deactivated', 'user_reactivated', 'password_reset',
    'password_changed', 'signed_out_everywhere', 'token_created', 'token_revoked', 'token_used'
);

CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "AuditEventKind" NOT NULL,
    "actor_id" UUID,
    "user_id" UUID,
    "story_id" UUID,
    "api_token_id" UUID,
    "client_address" TEXT NOT NULL DEFAULT 'unknown',
    "detail" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");
CREATE INDEX "audit_events_actor_id_at_idx" ON "audit_events"("actor_id", "at");
CREATE INDEX "audit_events_user_id_at_idx" ON "audit_events"("user_id", "at");
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_api_token_id_fkey" FOREIGN KEY ("api_token_id") REFERENCES "api_tokens"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- The log is history: never edited or deleted (the app's role also holds only INSERT and SELECT on it).
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse_history_change();
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse_history_change();

-- The log reads restores (revisions of kind restore) and status events by time: without these, every page of
-- it would scan the whole revisions table for its few restores.
CREATE INDEX "revisions_kind_created_at_idx" ON "revisions"("kind", "created_at");
CREATE INDEX "story_status_events_created_at_idx" ON "story_status_events"("created_at");
