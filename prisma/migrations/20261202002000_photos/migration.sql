-- Photos uploaded to the desk. Every byte (original and renditions) is content-addressed by SHA-256;
-- with the default store the bytes live in "photo_blobs", with S3 they live in the bucket under the same key.
CREATE TABLE "photos" (
    "id" UUID NOT NULL,
    "original_sha256" TEXT NOT NULL,
    "original_type" TEXT NOT NULL,
    "original_bytes" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "caption" TEXT NOT NULL DEFAULT '',
    "creator" TEXT NOT NULL DEFAULT '',
    "credit" TEXT NOT NULL DEFAULT '',
    "copyright" TEXT NOT NULL DEFAULT '',
    "taken_at" TIMESTAMPTZ(3),
    "uploaded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL
        DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "photos_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "photos_original_sha256_key" ON "photos"("original_sha256");
CREATE INDEX "photos_created_at_idx" ON "photos"("created_at");
ALTER TABLE "photos" ADD CONSTRAINT "photos_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "photo_renditions" (
    "id" UUID NOT NULL,
    "photo_id" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    CONSTRAINT "photo_renditions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "photo_renditions_photo_id_format_width_key" ON "photo_renditions"("photo_id", "format", "width");
CREATE INDEX "photo_renditions_sha256_idx" ON "photo_renditions"("sha256");
ALTER TABLE "photo_renditions" ADD CONSTRAINT "photo_renditions_photo_id_fkey" FOREIGN KEY ("photo_id") REFERENCES "photos"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "photo_blobs" (
    "sha256" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    CONSTRAINT "photo_blobs_pkey" PRIMARY KEY ("sha256")
);

-- Which revision uses which photo. Append-only like the revisions themselves, and RESTRICT on the photo:
-- a photo any revision uses can never be deleted, so every revision stays reproducible.
CREATE TABLE "photo_uses" (
    "revision_id" UUID NOT NULL,
    "photo_id" UUID NOT NULL,
    "position" INTEGER
        NOT NULL,
    CONSTRAINT "photo_uses_pkey" PRIMARY KEY ("revision_id", "position")
);
CREATE INDEX "photo_uses_photo_id_idx" ON "photo_uses"("photo_id");
ALTER TABLE "photo_uses" ADD CONSTRAINT "photo_uses_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "photo_uses" ADD CONSTRAINT "photo_uses_photo_id_fkey" FOREIGN KEY ("photo_id") REFERENCES "photos"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE TRIGGER "photo_uses_append_only" BEFORE UPDATE OR DELETE ON "photo_uses"
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse_history_change();
CREATE TRIGGER "photo_uses_no_truncate" BEFORE TRUNCATE ON "photo_uses"
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse_history_change();
