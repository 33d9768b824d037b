-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'editor', 'contributor');

-- CreateEnum
CREATE TYPE "StoryStatus" AS ENUM ('draft', 'published', 'unpublished');

-- CreateEnum
CREATE TYPE "RevisionKind" AS ENUM ('initial', 'update', 'correction', 'clarification', 'editors_note', 'minor', 'restore');

-- CreateEnum
CREATE TYPE "CreditRole" AS ENUM ('byline', 'contributed_reporting', 'additional_reporting', 'photo', 'editing');

-- CreateEnum
CREATE TYPE "StatusAction" AS ENUM ('publish', 'unpublish', 'republish');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivated_at" TIMESTAMPTZ(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stories" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "StoryStatus" NOT NULL DEFAULT 'draft',
    "developing" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID NOT NULL,
    "first_published_at" TIMESTAMPTZ(3),
    "last_material_update_at" TIMESTAMPTZ(3),
    "latest_revision_number" INTEGER NOT NULL DEFAULT 0,
    "live_revision_number" INTEGER,
    "last_revised_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "revisions" (
    "id" UUID NOT NULL,
    "story_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "author_id" UUID NOT NULL,
    "base_number" INTEGER,
    "kind" "RevisionKind" NOT NULL,
    "summary" TEXT,
    "public_note" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "content_hash" TEXT NOT NULL,
    "idempotency_key" TEXT,
    "headline" TEXT NOT NULL,
    "dek" TEXT NOT NULL DEFAULT '',
    "byline" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "images" JSONB NOT NULL DEFAULT '[]',
    "developing" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contributors" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contributors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credits" (
    "id" UUID NOT NULL,
    "revision_id" UUID NOT NULL,
    "contributor_id" UUID NOT NULL,
    "role" "CreditRole" NOT NULL,
    "location" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "credits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_status_events" (
    "id" UUID NOT NULL,
    "story_id" UUID NOT NULL,
    "action" "StatusAction" NOT NULL,
    "revision_number" INTEGER,
    "actor_id" UUID NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "story_status_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "story_presence" (
    "story_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "seen_revision_number" INTEGER NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "story_presence_pkey" PRIMARY KEY ("story_id","user_id")
);

-- CreateTable
CREATE TABLE "sign_in_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "sign_in_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "stories_slug_key" ON "stories"("slug");

-- CreateIndex
CREATE INDEX "stories_status_last_material_update_at_idx" ON "stories"("status", "last_material_update_at" DESC);

-- CreateIndex
CREATE INDEX "stories_last_revised_at_idx" ON "stories"("last_revised_at" DESC);

-- CreateIndex
CREATE INDEX "revisions_story_id_published_at_idx" ON "revisions"("story_id", "published_at");

-- CreateIndex
CREATE UNIQUE INDEX "revisions_story_id_number_key" ON "revisions"("story_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "revisions_story_id_idempotency_key_key" ON "revisions"("story_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "contributors_name_key" ON "contributors"("name");

-- CreateIndex
CREATE UNIQUE INDEX "contributors_user_id_key" ON "contributors"("user_id");

-- CreateIndex
CREATE INDEX "credits_contributor_id_idx" ON "credits"("contributor_id");

-- CreateIndex
CREATE UNIQUE INDEX "credits_revision_id_position_key" ON "credits"("revision_id", "position");

-- CreateIndex
CREATE INDEX "story_status_events_story_id_created_at_idx" ON "story_status_events"("story_id", "created_at");

-- CreateIndex
CREATE INDEX "story_presence_story_id_seen_at_idx" ON "story_presence"("story_id", "seen_at");

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stories" ADD CONSTRAINT "stories_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributors" ADD CONSTRAINT "contributors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credits" ADD CONSTRAINT "credits_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credits" ADD CONSTRAINT "credits_contributor_id_fkey" FOREIGN KEY ("contributor_id") REFERENCES "contributors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_status_events" ADD CONSTRAINT "story_status_events_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_status_events" ADD CONSTRAINT "story_status_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_presence" ADD CONSTRAINT "story_presence_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "story_presence" ADD CONSTRAINT "story_presence_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Editorial rules the database enforces too, so no write path can bypass them.
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_summary_required"
    CHECK ("kind" = 'minor' OR length(btrim(coalesce("summary", ''))) > 0);
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_public_note_required"
    CHECK ("kind" NOT IN ('correction', 'clarification', 'editors_note') OR length(btrim(coalesce("public_note", ''))) > 0);
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_number_positive" CHECK ("number" >= 1);

-- History is append-only: revisions, their credits and the status history refuse UPDATE and DELETE.
CREATE FUNCTION copydesk_refuse_history_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'history is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "revisions_append_only" BEFORE UPDATE OR DELETE ON "revisions"
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse_history_change();
CREATE TRIGGER "revisions_no_truncate" BEFORE TRUNCATE ON "revisions"
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse_history_change();
CREATE TRIGGER "credits_append_only" BEFORE UPDATE OR DELETE ON "credits"
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse_history_change();
CREATE TRIGGER "credits_no_truncate" BEFORE TRUNCATE ON "credits"
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse_history_change();
CREATE TRIGGER "story_status_events_append_only" BEFORE UPDATE OR DELETE ON "story_status_events"
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse_history_change();
CREATE TRIGGER "story_status_events_no_truncate" BEFORE TRUNCATE ON "story_status_events"
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse_history_change();
