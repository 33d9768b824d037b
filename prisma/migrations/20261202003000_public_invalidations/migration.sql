-- Every change a reader can see (publish, correction, unpublish, withdrawal, republish, the developing flag,
-- the index entry) leaves one row here, written by the same transaction as the change (a trigger on stories),
-- and a NOTIFY that reaches every Copydesk instance at COMMIT. A notification can be lost while a listener is
-- reconnecting; the sequence lets each instance catch up by reading the rows after the last one it saw.
CREATE TABLE "public_invalidations" (
    "id" BIGSERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP NOT NULL,

    CONSTRAINT "public_invalidations_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "public_invalidations_created_at_idx" ON "public_invalidations"("created_at");

-- Drafts are invisible to readers: saving one on a story that is not on the public site records nothing.
-- When the job queue's schema is installed (lib/jobs), the CDN/Varnish purge of the story's tags is enqueued
-- here too, so the purge exists iff the change commits. SECURITY DEFINER: the app role needs no rights on
-- the queue's functions for this.
CREATE FUNCTION copydesk_note_public_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    visible_before boolean := TG_OP = 'UPDATE' AND OLD."status" IN ('published', 'withdrawn');
    visible_after boolean := NEW."status" IN ('published', 'withdrawn');
    slugs text[];
    changed_slug text;
    noted_id bigint;
BEGIN
    IF NOT visible_before AND NOT visible_after THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE'
        AND (NEW."status", NEW."slug", NEW."live_revision_number", NEW."developing", NEW."first_published_at", NEW."last_material_update_at")
            IS NOT DISTINCT FROM
            (OLD."status", OLD."slug", OLD."live_revision_number", OLD."developing", OLD."first_published_at", OLD."last_material_update_at") THEN
        RETURN NEW;
    END IF;
    slugs := ARRAY[NEW."slug"];
    IF TG_OP = 'UPDATE' AND OLD."slug" <> NEW."slug" THEN
        slugs := slugs || OLD."slug";
    END IF;
    FOREACH changed_slug IN ARRAY slugs LOOP
        INSERT INTO "public_invalidations" ("slug") VALUES (changed_slug) RETURNING "id" INTO noted_id;
        PERFORM pg_notify('copydesk_public_invalidations', noted_id::text);
        IF to_regprocedure('graphile_worker.add_job(text,json,text,timestamp with time zone,integer,text,integer,text[],text)') IS NOT NULL THEN
            -- Once now, and once after the instances' staleness bound (lib/delivery/delivery-settings.ts), so
            -- a cache that refetched from an instance not yet told cannot keep the old page.
            PERFORM graphile_worker.add_job('delivery.purge', json_build_object('slug', changed_slug), max_attempts => 12);
            PERFORM graphile_worker.add_job('delivery.purge', json_build_object('slug', changed_slug),
                run_at => clock_timestamp() + interval '3 seconds', max_attempts => 12);
        END IF;
    END LOOP;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "stories_note_public_change" AFTER INSERT OR UPDATE ON "stories"
    FOR EACH ROW EXECUTE FUNCTION copydesk_note_public_change();
