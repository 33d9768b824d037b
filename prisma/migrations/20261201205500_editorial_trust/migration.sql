-- Editorial trust: internal notes, notes carried from drafts into the publication that makes them live,
-- notes an editor deliberately left out, and idempotency keys bound to the request and caller that used them.

-- AlterTable
ALTER TABLE "revisions" ADD COLUMN "internal_note" TEXT,
ADD COLUMN "carried_notes" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "removed_notes" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "request_fingerprint" TEXT;

-- AlterTable
ALTER TABLE "story_status_events" ADD COLUMN "idempotency_key" TEXT,
ADD COLUMN "request_fingerprint" TEXT;

-- CreateIndex
CREATE INDEX "revisions_idempotency_key_idx" ON "revisions"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "story_status_events_story_id_idempotency_key_key" ON "story_status_events"("story_id", "idempotency_key");

-- A publication may carry the note of a correction saved in a draft: that note satisfies its kind's rule.
ALTER TABLE "revisions" DROP CONSTRAINT "revisions_public_note_required";
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_public_note_required"
    CHECK ("kind" NOT IN ('correction', 'clarification', 'editors_note')
           OR length(btrim(coalesce("public_note", ''))) > 0
           OR jsonb_array_length("carried_notes") > 0);
