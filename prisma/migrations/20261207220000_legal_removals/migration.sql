-- Legal removals (issue 24): a court order, a settlement, a source's safety or an erasure request takes text, a
-- photo or a credited contributor out of every stored copy of a story, with two admins, an append-only record
-- and a notice to readers. History stays append-only: the one way through the triggers is
-- copydesk_apply_legal_removal, run by the owner (SECURITY DEFINER) for an approved request, which opens the
-- triggers for its own transaction only, through a table the app's role cannot touch.

CREATE TYPE "LegalRemovalState" AS ENUM ('pending', 'approved', 'withdrawn', 'declined');
CREATE TYPE "LegalRemovalNoticePlacement" AS ENUM ('in_place', 'foot');

-- How many approved removals a story has had: the desk's editor and API saves name the count they have seen, so
-- a copy made before a removal (a browser's local draft, an open tab) cannot bring the text back. Part of what
-- readers see, so the public-change trigger below notes it.
ALTER TABLE "stories" ADD COLUMN "legal_removal_count" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "legal_removal_requests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    -- Shown as "Removal 12" and carried in the marker that replaces the text: ⟦removed 12⟧.
    "number" SERIAL NOT NULL,
    "story_id" UUID NOT NULL,
    "state" "LegalRemovalState" NOT NULL DEFAULT 'pending',
    -- The selection: [{ kind: 'passage', field, text } | { kind: 'photo', photoId } | { kind: 'contributor',
    -- contributorId }]. Holds the text only while pending; approval replaces each text with null.
    "items" JSONB NOT NULL,
    "internal_reason" TEXT NOT NULL,
    "public_notice" TEXT NOT NULL,
    "notice_placement" "LegalRemovalNoticePlacement" NOT NULL DEFAULT 'foot',
    "remove_from_directory" BOOLEAN NOT NULL DEFAULT false,
    "requested_by_id" UUID NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    -- Why it was declined or withdrawn (internal).
    "decision_reason" TEXT,
    CONSTRAINT "legal_removal_requests_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "legal_removal_requests_number_key" ON "legal_removal_requests"("number");
CREATE INDEX "legal_removal_requests_state_requested_at_idx" ON "legal_removal_requests"("state", "requested_at");
CREATE INDEX "legal_removal_requests_story_id_idx" ON "legal_removal_requests"("story_id");
ALTER TABLE "legal_removal_requests" ADD CONSTRAINT "legal_removal_requests_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "legal_removal_requests" ADD CONSTRAINT "legal_removal_requests_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "legal_removal_requests" ADD CONSTRAINT "legal_removal_requests_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "legal_removal_requests" ADD CONSTRAINT "legal_removal_requests_two_people"
    CHECK ("state" <> 'approved' OR ("decided_by_id" IS NOT NULL AND "decided_by_id" <> "requested_by_id"));
ALTER TABLE "legal_removal_requests" ADD CONSTRAINT "legal_removal_requests_notice_required"
    CHECK (length(btrim("public_notice")) > 0 AND length(btrim("internal_reason")) > 0);

-- The removal record: append-only, kept forever. Holds no removed text: a salted SHA-256 of each.
CREATE TABLE "legal_removal_records" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "request_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "story_id" UUID NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "approved_by_id" UUID NOT NULL,
    "approved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "internal_reason" TEXT NOT NULL,
    "public_notice" TEXT NOT NULL,
    "notice_placement" "LegalRemovalNoticePlacement" NOT NULL,
    -- [{ revision, fields: [...] }]: every revision and field the removal changed.
    "revisions_changed" JSONB NOT NULL DEFAULT '[]',
    -- [{ table, rows }]: other stored copies changed (notes, comments, schedules, photos, the directory).
    "elsewhere_changed" JSONB NOT NULL DEFAULT '[]',
    -- [{ kind, field?, salt, sha256 }]: sha256 = hex SHA-256 of (salt || text) in UTF-8. For a photo the text is
    -- the hex SHA-256 of its original file; for a contributor, their name.
    "removed" JSONB NOT NULL DEFAULT '[]',
    -- The story's latest revision number when the removal was applied.
    "latest_revision_number" INTEGER NOT NULL,
    -- Whether the live (public) revision changed, which moves the story's "Updated" time.
    "live_changed" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "legal_removal_records_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "legal_removal_records_request_id_key" ON "legal_removal_records"("request_id");
CREATE UNIQUE INDEX "legal_removal_records_number_key" ON "legal_removal_records"("number");
CREATE INDEX "legal_removal_records_story_id_approved_at_idx" ON "legal_removal_records"("story_id", "approved_at");
ALTER TABLE "legal_removal_records" ADD CONSTRAINT "legal_removal_records_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "legal_removal_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "legal_removal_records" ADD CONSTRAINT "legal_removal_records_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "legal_removal_records" ADD CONSTRAINT "legal_removal_records_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "legal_removal_records" ADD CONSTRAINT "legal_removal_records_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A removed photo stays in the library as a tombstone (revisions and photo_uses point at it): no file, no text.
ALTER TABLE "photos" ADD COLUMN "removed_at" TIMESTAMPTZ(3);

-- The transactions in which a removal is being applied. Only the owner's functions read or write it: the app's
-- role has no rights here (lib/db/app-role.ts), so it cannot open the triggers for itself.
CREATE TABLE "legal_removal_unlocks" (
    "txid" BIGINT NOT NULL,
    "request_id" UUID NOT NULL,
    CONSTRAINT "legal_removal_unlocks_pkey" PRIMARY KEY ("txid")
);
REVOKE ALL ON "legal_removal_unlocks" FROM PUBLIC;

CREATE FUNCTION copydesk_legal_removal_in_progress() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM "legal_removal_unlocks" WHERE "txid" = txid_current());
$$;

-- History refuses every change, except row changes made while an approved removal is being applied.
CREATE OR REPLACE FUNCTION copydesk_refuse_history_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_LEVEL = 'ROW' AND TG_OP IN ('UPDATE', 'DELETE') AND copydesk_legal_removal_in_progress() THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'history is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;

-- The record and the requests are history too (a request's state moves, but it is never deleted).
CREATE TRIGGER "legal_removal_records_append_only" BEFORE UPDATE OR DELETE ON "legal_removal_records"
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse_history_change();
CREATE TRIGGER "legal_removal_records_no_truncate" BEFORE TRUNCATE ON "legal_removal_records"
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse_history_change();
CREATE TRIGGER "legal_removal_requests_no_delete" BEFORE DELETE ON "legal_removal_requests"
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse_history_change();
CREATE TRIGGER "legal_removal_requests_no_truncate" BEFORE TRUNCATE ON "legal_removal_requests"
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse_history_change();

-- Replaces every occurrence of each needle in a text with the marker. Markers already in the text are set
-- aside first, and new ones go in last, so one needle can never match inside a marker (needles are refused
-- when they hold private-use characters or the marker's brackets: lib/legal-removals).
CREATE FUNCTION copydesk_redact_text(value text, needles text[], marker text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    kept text[];
    needle text;
    k integer;
    result text := value;
BEGIN
    IF value IS NULL OR needles IS NULL OR cardinality(needles) = 0 THEN
        RETURN value;
    END IF;
    kept := ARRAY(SELECT m[1] FROM regexp_matches(value, '(⟦removed [0-9]+⟧)', 'g') AS m);
    FOR k IN 1 .. coalesce(cardinality(kept), 0) LOOP
        result := regexp_replace(result, '⟦removed [0-9]+⟧', chr(57344) || chr(57600 + k) || chr(57345));
    END LOOP;
    FOREACH needle IN ARRAY needles LOOP
        IF length(needle) > 0 THEN
            result := replace(result, needle, chr(57346));
        END IF;
    END LOOP;
    result := replace(result, chr(57346), marker);
    FOR k IN 1 .. coalesce(cardinality(kept), 0) LOOP
        result := replace(result, chr(57344) || chr(57600 + k) || chr(57345), kept[k]);
    END LOOP;
    RETURN result;
END;
$$;

-- The same for every string value inside a JSON document (object keys are left alone).
CREATE FUNCTION copydesk_redact_jsonb(value jsonb, needles text[], marker text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    result jsonb;
BEGIN
    IF value IS NULL OR needles IS NULL OR cardinality(needles) = 0 THEN
        RETURN value;
    END IF;
    CASE jsonb_typeof(value)
        WHEN 'string' THEN
            RETURN to_jsonb(copydesk_redact_text(value #>> '{}', needles, marker));
        WHEN 'array' THEN
            SELECT coalesce(jsonb_agg(copydesk_redact_jsonb(element, needles, marker) ORDER BY position), '[]'::jsonb)
                INTO result FROM jsonb_array_elements(value) WITH ORDINALITY AS e(element, position);
            RETURN result;
        WHEN 'object' THEN
            SELECT coalesce(jsonb_object_agg(key, copydesk_redact_jsonb(element, needles, marker)), '{}'::jsonb)
                INTO result FROM jsonb_each(value) AS e(key, element);
            RETURN result;
        ELSE
            RETURN value;
    END CASE;
END;
$$;

CREATE FUNCTION copydesk_salted_sha256(salt text, value text) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object('salt', salt, 'sha256', encode(sha256(convert_to(salt || value, 'UTF8')), 'hex'));
$$;


-- A revision's content_hash as lib/revisions/content-hash.ts computes it: SHA-256 of the JSON text of
-- [headline, dek, byline, body, developing, [[url, alt, caption, credit, photoId?] …], [[contributorId, role,
-- location] …]], written as JSON.stringify writes it (no spaces; to_json escapes strings exactly as it does). A
-- removal rewrites the hash of each revision it changes: the old one is an unsalted digest of the removed text,
-- which anyone could test guesses against, and the desk compares hashes to tell whether content changed.
CREATE FUNCTION copydesk_content_hash(p_revision_id uuid) RETURNS text
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT encode(sha256(convert_to(
        '[' || to_json(r."headline")::text || ',' || to_json(r."dek")::text || ',' || to_json(r."byline")::text
        || ',' || to_json(r."body")::text || ',' || CASE WHEN r."developing" THEN 'true' ELSE 'false' END
        || ',[' || coalesce((
            SELECT string_agg('[' || coalesce(to_json(e->>'url')::text, 'null')
                || ',' || coalesce(to_json(e->>'alt')::text, 'null')
                || ',' || coalesce(to_json(e->>'caption')::text, 'null')
                || ',' || coalesce(to_json(e->>'credit')::text, 'null')
                || CASE WHEN coalesce(e->>'photoId', '') <> '' THEN ',' || to_json(e->>'photoId')::text ELSE '' END
                || ']', ',' ORDER BY position)
            FROM jsonb_array_elements(r."images") WITH ORDINALITY AS x(e, position)), '')
        || '],[' || coalesce((
            SELECT string_agg('[' || to_json(c."contributor_id"::text)::text || ',' || to_json(c."role"::text)::text
                || ',' || coalesce(to_json(c."location")::text, 'null') || ']', ',' ORDER BY c."position")
            FROM "credits" c WHERE c."revision_id" = r."id"), '')
        || ']]', 'UTF8')), 'hex')
    FROM "revisions" r WHERE r."id" = p_revision_id;
$$;

-- Every change readers can see is noted once per slug: a row for the instances' catch-up, a NOTIFY, and the
-- shared caches' purge (now and after the staleness bound). Shared by the stories trigger and by removals,
-- which also change what readers of other stories see (a contributor taken out of the directory).
CREATE FUNCTION copydesk_note_public_slug(changed_slug text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    noted_id bigint;
BEGIN
    INSERT INTO "public_invalidations" ("slug") VALUES (changed_slug) RETURNING "id" INTO noted_id;
    PERFORM pg_notify('copydesk_public_invalidations', noted_id::text);
    IF to_regprocedure('graphile_worker.add_job(text,json,text,timestamp with time zone,integer,text,integer,text[],text)') IS NOT NULL THEN
        PERFORM graphile_worker.add_job('delivery.purge', json_build_object('slug', changed_slug), max_attempts => 12);
        PERFORM graphile_worker.add_job('delivery.purge', json_build_object('slug', changed_slug),
            run_at => clock_timestamp() + interval '3 seconds', max_attempts => 12);
    END IF;
END;
$$;

CREATE OR REPLACE FUNCTION copydesk_note_public_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    visible_before boolean := TG_OP = 'UPDATE' AND OLD."status" IN ('published', 'withdrawn');
    visible_after boolean := NEW."status" IN ('published', 'withdrawn');
BEGIN
    IF NOT visible_before AND NOT visible_after THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE'
        AND (NEW."status", NEW."slug", NEW."live_revision_number", NEW."developing", NEW."first_published_at",
             NEW."last_material_update_at", NEW."legal_removal_count")
            IS NOT DISTINCT FROM
            (OLD."status", OLD."slug", OLD."live_revision_number", OLD."developing", OLD."first_published_at",
             OLD."last_material_update_at", OLD."legal_removal_count") THEN
        RETURN NEW;
    END IF;
    PERFORM copydesk_note_public_slug(NEW."slug");
    IF TG_OP = 'UPDATE' AND OLD."slug" <> NEW."slug" THEN
        PERFORM copydesk_note_public_slug(OLD."slug");
    END IF;
    RETURN NEW;
END;
$$;

-- Applies an approved removal, all of it in the caller's transaction: every revision of the story (text fields,
-- notes, pictures, credits), the story's other stored copies (status history, schedules, review requests,
-- threads, comments and events, other pending removal requests), the removed photos' library entries, files in
-- the database store and renditions, and, when asked, the contributor directory. Then the request is marked
-- approved with its texts nulled, the record is written, the story's removal count moves (which purges every
-- cache through the trigger above) and the triggers close again. Object-store files are deleted by the job the
-- app enqueues in the same transaction (lib/legal-removals).
CREATE FUNCTION copydesk_apply_legal_removal(p_request_id uuid, p_approver_id uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    request "legal_removal_requests"%ROWTYPE;
    approver "users"%ROWTYPE;
    story "stories"%ROWTYPE;
    marker text;
    item jsonb;
    needles text[] := '{}';
    photo_ids uuid[] := '{}';
    contributor_ids uuid[] := '{}';
    removed jsonb := '[]';
    revisions_changed jsonb := '[]';
    elsewhere jsonb := '[]';
    rev "revisions"%ROWTYPE;
    new_rev "revisions"%ROWTYPE;
    fields text[];
    pid uuid;
    found_name text;
    found_sha text;
    new_hash text;
    row_count integer;
    live_changed boolean := false;
    record_id uuid;
    other_slug text;
BEGIN
    SELECT * INTO request FROM "legal_removal_requests" WHERE "id" = p_request_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'legal removal: no request %', p_request_id USING ERRCODE = 'no_data_found';
    END IF;
    IF request."state" <> 'pending' THEN
        RAISE EXCEPTION 'legal removal %: the request is %', request."number", request."state"
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT * INTO approver FROM "users" WHERE "id" = p_approver_id;
    IF NOT FOUND OR approver."role" <> 'admin' OR NOT approver."active" THEN
        RAISE EXCEPTION 'legal removal %: approval needs an active admin', request."number"
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF approver."id" = request."requested_by_id" THEN
        RAISE EXCEPTION 'legal removal %: the requester cannot approve it', request."number"
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO story FROM "stories" WHERE "id" = request."story_id" FOR UPDATE;

    INSERT INTO "legal_removal_unlocks" ("txid", "request_id") VALUES (txid_current(), request."id");
    marker := '⟦removed ' || request."number" || '⟧';

    FOR item IN SELECT value FROM jsonb_array_elements(request."items") LOOP
        CASE item->>'kind'
            WHEN 'passage' THEN
                needles := needles || (item->>'text');
                removed := removed || jsonb_build_array(jsonb_build_object('kind', 'passage', 'field', item->>'field')
                    || copydesk_salted_sha256(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), item->>'text'));
            WHEN 'photo' THEN
                pid := (item->>'photoId')::uuid;
                photo_ids := photo_ids || pid;
                SELECT "original_sha256" INTO found_sha FROM "photos" WHERE "id" = pid;
                removed := removed || jsonb_build_array(jsonb_build_object('kind', 'photo')
                    || copydesk_salted_sha256(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), coalesce(found_sha, pid::text)));
            WHEN 'contributor' THEN
                contributor_ids := contributor_ids || (item->>'contributorId')::uuid;
                SELECT "name" INTO found_name FROM "contributors" WHERE "id" = (item->>'contributorId')::uuid;
                IF found_name IS NOT NULL THEN
                    needles := needles || found_name;
                    removed := removed || jsonb_build_array(jsonb_build_object('kind', 'contributor')
                        || copydesk_salted_sha256(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), found_name));
                END IF;
            ELSE
                RAISE EXCEPTION 'legal removal %: unknown item %', request."number", item USING ERRCODE = 'data_exception';
        END CASE;
    END LOOP;
    -- Longer passages first, so a passage inside another is not left as a fragment of it.
    needles := ARRAY(SELECT DISTINCT n FROM unnest(needles) AS n WHERE length(n) > 0 ORDER BY n);
    needles := ARRAY(SELECT n FROM unnest(needles) AS n ORDER BY length(n) DESC, n);

    FOR rev IN SELECT * FROM "revisions" WHERE "story_id" = story."id" ORDER BY "number" LOOP
        new_rev := rev;
        FOREACH pid IN ARRAY photo_ids LOOP
            new_rev."body" := regexp_replace(new_rev."body", '^::photo\{id="' || pid::text || '"[^\n]*$', marker, 'gn');
        END LOOP;
        IF cardinality(photo_ids) > 0 THEN
            SELECT coalesce(jsonb_agg(element ORDER BY position), '[]'::jsonb) INTO new_rev."images"
                FROM jsonb_array_elements(rev."images") WITH ORDINALITY AS e(element, position)
                WHERE coalesce(element->>'photoId', '') NOT IN (SELECT p::text FROM unnest(photo_ids) AS p);
        END IF;
        new_rev."headline" := copydesk_redact_text(rev."headline", needles, marker);
        new_rev."dek" := copydesk_redact_text(rev."dek", needles, marker);
        new_rev."byline" := copydesk_redact_text(rev."byline", needles, marker);
        new_rev."body" := copydesk_redact_text(new_rev."body", needles, marker);
        new_rev."summary" := copydesk_redact_text(rev."summary", needles, marker);
        new_rev."public_note" := copydesk_redact_text(rev."public_note", needles, marker);
        new_rev."internal_note" := copydesk_redact_text(rev."internal_note", needles, marker);
        new_rev."carried_notes" := copydesk_redact_jsonb(rev."carried_notes", needles, marker);
        new_rev."removed_notes" := copydesk_redact_jsonb(rev."removed_notes", needles, marker);
        new_rev."images" := copydesk_redact_jsonb(new_rev."images", needles, marker);
        fields := '{}';
        IF new_rev."headline" IS DISTINCT FROM rev."headline" THEN fields := fields || 'headline'::text; END IF;
        IF new_rev."dek" IS DISTINCT FROM rev."dek" THEN fields := fields || 'dek'::text; END IF;
        IF new_rev."byline" IS DISTINCT FROM rev."byline" THEN fields := fields || 'byline'::text; END IF;
        IF new_rev."body" IS DISTINCT FROM rev."body" THEN fields := fields || 'body'::text; END IF;
        IF new_rev."images" IS DISTINCT FROM rev."images" THEN fields := fields || 'images'::text; END IF;
        IF new_rev."summary" IS DISTINCT FROM rev."summary" THEN fields := fields || 'summary'::text; END IF;
        IF new_rev."public_note" IS DISTINCT FROM rev."public_note" THEN fields := fields || 'public_note'::text; END IF;
        IF new_rev."internal_note" IS DISTINCT FROM rev."internal_note" THEN fields := fields || 'internal_note'::text; END IF;
        IF new_rev."carried_notes" IS DISTINCT FROM rev."carried_notes"
            OR new_rev."removed_notes" IS DISTINCT FROM rev."removed_notes" THEN
            fields := fields || 'notes'::text;
        END IF;
        DELETE FROM "credits" WHERE "revision_id" = rev."id" AND "contributor_id" = ANY (contributor_ids);
        GET DIAGNOSTICS row_count = ROW_COUNT;
        UPDATE "credits" SET "location" = copydesk_redact_text("location", needles, marker)
            WHERE "revision_id" = rev."id" AND "location" IS DISTINCT FROM copydesk_redact_text("location", needles, marker);
        IF row_count > 0 OR FOUND THEN fields := fields || 'credits'::text; END IF;
        IF cardinality(fields) > 0 THEN
            UPDATE "revisions" SET
                "headline" = new_rev."headline", "dek" = new_rev."dek", "byline" = new_rev."byline",
                "body" = new_rev."body", "images" = new_rev."images", "summary" = new_rev."summary",
                "public_note" = new_rev."public_note", "internal_note" = new_rev."internal_note",
                "carried_notes" = new_rev."carried_notes", "removed_notes" = new_rev."removed_notes"
                WHERE "id" = rev."id";
            -- The old digest would let anyone test guesses at the removed text: the revision's hash becomes the
            -- digest of what it holds now, and review requests made on the old content follow it.
            UPDATE "revisions" SET "content_hash" = copydesk_content_hash(rev."id") WHERE "id" = rev."id"
                RETURNING "content_hash" INTO new_hash;
            UPDATE "review_requests" SET "content_hash" = new_hash
                WHERE "story_id" = story."id" AND "content_hash" = rev."content_hash";
            revisions_changed := revisions_changed
                || jsonb_build_array(jsonb_build_object('revision', rev."number", 'fields', to_jsonb(fields)));
            IF rev."number" = story."live_revision_number" THEN
                live_changed := true;
            END IF;
        END IF;
    END LOOP;

    -- Idempotency records: a request fingerprint is an unsalted digest of a request, which may have carried the
    -- removed text. Forgotten for the whole story; a key with no fingerprint still answers its own retries.
    UPDATE "revisions" SET "request_fingerprint" = NULL
        WHERE "story_id" = story."id" AND "request_fingerprint" IS NOT NULL;
    UPDATE "story_status_events" SET "request_fingerprint" = NULL
        WHERE "story_id" = story."id" AND "request_fingerprint" IS NOT NULL;
    UPDATE "review_events" SET "request_fingerprint" = NULL
        WHERE "story_id" = story."id" AND "request_fingerprint" IS NOT NULL;

    -- The story's other stored copies of its words.
    UPDATE "story_status_events" SET "reason" = copydesk_redact_text("reason", needles, marker),
            "public_note" = copydesk_redact_text("public_note", needles, marker)
        WHERE "story_id" = story."id"
            AND ("reason", "public_note") IS DISTINCT FROM
                (copydesk_redact_text("reason", needles, marker), copydesk_redact_text("public_note", needles, marker));
    GET DIAGNOSTICS row_count = ROW_COUNT;
    IF row_count > 0 THEN elsewhere := elsewhere || jsonb_build_array(jsonb_build_object('table', 'story_status_events', 'rows', row_count)); END IF;

    UPDATE "schedules" SET "summary" = copydesk_redact_text("summary", needles, marker),
            "public_note" = copydesk_redact_text("public_note", needles, marker),
            "held_reason" = copydesk_redact_text("held_reason", needles, marker)
        WHERE "story_id" = story."id"
            AND ("summary", "public_note", "held_reason") IS DISTINCT FROM
                (copydesk_redact_text("summary", needles, marker), copydesk_redact_text("public_note", needles, marker),
                 copydesk_redact_text("held_reason", needles, marker));
    GET DIAGNOSTICS row_count = ROW_COUNT;
    IF row_count > 0 THEN elsewhere := elsewhere || jsonb_build_array(jsonb_build_object('table', 'schedules', 'rows', row_count)); END IF;

    UPDATE "review_requests" SET "note" = copydesk_redact_text("note", needles, marker),
            "decision_note" = copydesk_redact_text("decision_note", needles, marker)
        WHERE "story_id" = story."id"
            AND ("note", "decision_note") IS DISTINCT FROM
                (copydesk_redact_text("note", needles, marker), copydesk_redact_text("decision_note", needles, marker));
    GET DIAGNOSTICS row_count = ROW_COUNT;
    IF row_count > 0 THEN elsewhere := elsewhere || jsonb_build_array(jsonb_build_object('table', 'review_requests', 'rows', row_count)); END IF;

    UPDATE "review_threads" SET "anchor_quote" = copydesk_redact_text("anchor_quote", needles, marker)
        WHERE "story_id" = story."id" AND "anchor_quote" IS DISTINCT FROM copydesk_redact_text("anchor_quote", needles, marker);
    GET DIAGNOSTICS row_count = ROW_COUNT;
    IF row_count > 0 THEN elsewhere := elsewhere || jsonb_build_array(jsonb_build_object('table', 'review_threads', 'rows', row_count)); END IF;

    UPDATE "review_comments" SET "body" = copydesk_redact_text("body", needles, marker)
        WHERE "thread_id" IN (SELECT "id" FROM "review_threads" WHERE "story_id" = story."id")
            AND "body" IS DISTINCT FROM copydesk_redact_text("body", needles, marker);
    GET DIAGNOSTICS row_count = ROW_COUNT;
    IF row_count > 0 THEN elsewhere := elsewhere || jsonb_build_array(jsonb_build_object('table', 'review_comments', 'rows', row_count)); END IF;

    UPDATE "review_events" SET "note" = copydesk_redact_text("note", needles, marker)
        WHERE "story_id" = story."id" AND "note" IS DISTINCT FROM copydesk_redact_text("note", needles, marker);
    GET DIAGNOSTICS row_count = ROW_COUNT;
    IF row_count > 0 THEN elsewhere := elsewhere || jsonb_build_array(jsonb_build_object('table', 'review_events', 'rows', row_count)); END IF;

    UPDATE "legal_removal_requests" SET "items" = copydesk_redact_jsonb("items", needles, marker)
        WHERE "story_id" = story."id" AND "id" <> request."id" AND "state" = 'pending'
            AND "items" IS DISTINCT FROM copydesk_redact_jsonb("items", needles, marker);
    GET DIAGNOSTICS row_count = ROW_COUNT;
    IF row_count > 0 THEN elsewhere := elsewhere || jsonb_build_array(jsonb_build_object('table', 'legal_removal_requests', 'rows', row_count)); END IF;

    -- Library text of the photos this story uses.
    UPDATE "photos" SET "caption" = copydesk_redact_text("caption", needles, marker),
            "creator" = copydesk_redact_text("creator", needles, marker),
            "credit" = copydesk_redact_text("credit", needles, marker),
            "copyright" = copydesk_redact_text("copyright", needles, marker)
        WHERE "id" IN (SELECT u."photo_id" FROM "photo_uses" u JOIN "revisions" r ON r."id" = u."revision_id" WHERE r."story_id" = story."id")
            AND ("caption", "creator", "credit", "copyright") IS DISTINCT FROM
                (copydesk_redact_text("caption", needles, marker), copydesk_redact_text("creator", needles, marker),
                 copydesk_redact_text("credit", needles, marker), copydesk_redact_text("copyright", needles, marker));
    GET DIAGNOSTICS row_count = ROW_COUNT;
    IF row_count > 0 THEN elsewhere := elsewhere || jsonb_build_array(jsonb_build_object('table', 'photos', 'rows', row_count)); END IF;

    -- Removed photos: files in the database store, renditions, and every word and digest of the library entry.
    IF cardinality(photo_ids) > 0 THEN
        DELETE FROM "photo_blobs" b
            WHERE b."sha256" IN (
                SELECT p."original_sha256" FROM "photos" p WHERE p."id" = ANY (photo_ids)
                UNION SELECT r."sha256" FROM "photo_renditions" r WHERE r."photo_id" = ANY (photo_ids))
            AND NOT EXISTS (SELECT 1 FROM "photos" p WHERE p."original_sha256" = b."sha256" AND NOT p."id" = ANY (photo_ids))
            AND NOT EXISTS (SELECT 1 FROM "photo_renditions" r WHERE r."sha256" = b."sha256" AND NOT r."photo_id" = ANY (photo_ids));
        DELETE FROM "photo_renditions" WHERE "photo_id" = ANY (photo_ids);
        UPDATE "photos" SET "caption" = '', "creator" = '', "credit" = '', "copyright" = '', "taken_at" = NULL,
                "original_sha256" = 'removed:' || "id"::text, "removed_at" = clock_timestamp()
            WHERE "id" = ANY (photo_ids);
        GET DIAGNOSTICS row_count = ROW_COUNT;
        elsewhere := elsewhere || jsonb_build_array(jsonb_build_object('table', 'photos_removed', 'rows', row_count));
        -- Other public stories using a removed photo show a placeholder from now on: their cached pages go too.
        FOR other_slug IN
            SELECT DISTINCT s."slug" FROM "stories" s JOIN "revisions" r ON r."story_id" = s."id"
                JOIN "photo_uses" u ON u."revision_id" = r."id"
                WHERE u."photo_id" = ANY (photo_ids) AND s."id" <> story."id"
                    AND s."status" IN ('published', 'withdrawn')
        LOOP
            PERFORM copydesk_note_public_slug(other_slug);
        END LOOP;
    END IF;

    IF request."remove_from_directory" AND cardinality(contributor_ids) > 0 THEN
        -- Other stories crediting them show the marker too, so their pages are purged as well.
        FOR other_slug IN
            SELECT DISTINCT s."slug" FROM "stories" s JOIN "revisions" r ON r."story_id" = s."id"
                JOIN "credits" c ON c."revision_id" = r."id"
                WHERE c."contributor_id" = ANY (contributor_ids) AND s."id" <> story."id"
                    AND s."status" IN ('published', 'withdrawn')
        LOOP
            PERFORM copydesk_note_public_slug(other_slug);
        END LOOP;
        UPDATE "contributors" SET "name" = marker || ' ' || left("id"::text, 8), "user_id" = NULL
            WHERE "id" = ANY (contributor_ids);
        GET DIAGNOSTICS row_count = ROW_COUNT;
        elsewhere := elsewhere || jsonb_build_array(jsonb_build_object('table', 'contributors', 'rows', row_count));
    END IF;

    IF jsonb_array_length(revisions_changed) = 0 THEN
        RAISE EXCEPTION 'legal removal %: the selection matches nothing in the story', request."number"
            USING ERRCODE = 'no_data_found';
    END IF;

    UPDATE "legal_removal_requests" SET "state" = 'approved', "decided_by_id" = approver."id",
            "decided_at" = clock_timestamp(),
            "items" = (SELECT coalesce(jsonb_agg(CASE WHEN e ? 'text' THEN jsonb_set(e, '{text}', 'null'::jsonb) ELSE e END
                ORDER BY position), '[]'::jsonb) FROM jsonb_array_elements(request."items") WITH ORDINALITY AS x(e, position))
        WHERE "id" = request."id";

    INSERT INTO "legal_removal_records" ("request_id", "number", "story_id", "requested_by_id", "requested_at",
            "approved_by_id", "approved_at", "internal_reason", "public_notice", "notice_placement",
            "revisions_changed", "elsewhere_changed", "removed", "latest_revision_number", "live_changed")
        VALUES (request."id", request."number", story."id", request."requested_by_id", request."requested_at",
            approver."id", clock_timestamp(), request."internal_reason", request."public_notice",
            request."notice_placement", revisions_changed, elsewhere, removed, story."latest_revision_number",
            live_changed)
        RETURNING "id" INTO record_id;

    -- What readers see changed: the count moves (purging every cache through the stories trigger), and when the
    -- live revision changed, so does the story's "Updated" time.
    UPDATE "stories" SET "legal_removal_count" = "legal_removal_count" + 1,
            "last_material_update_at" = CASE WHEN live_changed AND "status" = 'published'
                THEN clock_timestamp() ELSE "last_material_update_at" END
        WHERE "id" = story."id";

    DELETE FROM "legal_removal_unlocks" WHERE "txid" = txid_current();
    RETURN record_id;
END;
$$;
