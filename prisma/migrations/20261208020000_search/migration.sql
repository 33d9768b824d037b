-- Search (issue 25): every revision of every story, weighted full-text and typo-tolerant names, kept current
-- inside each write's own transaction by triggers on the tables the text lives in, so a legal removal's UPDATEs
-- take the removed text out of the index in the removal's own transaction. search_documents is derived data:
-- only the owner's trigger functions write it (the app's role reads it: lib/db/app-role.ts).

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

-- unaccent() is STABLE (its dictionary could change); this wrapper names the dictionary, so it may be IMMUTABLE
-- and used in indexes and stored columns. Changing the unaccent rules afterwards needs a rebuild (as a language
-- change does).
CREATE FUNCTION copydesk_unaccent(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT SET search_path = public, pg_temp AS $$
    SELECT public.unaccent('public.unaccent'::regdictionary, value);
$$;

-- One row: the text search language (a configuration in pg_ts_config, SEARCH_LANGUAGE). The migrate step
-- (lib/search/search-language.ts) stores it and rebuilds the documents when it changed.
CREATE TABLE "search_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "language" TEXT NOT NULL DEFAULT 'english',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "search_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "search_settings_one_row" CHECK ("id" = 1)
);
INSERT INTO "search_settings" ("id", "language") VALUES (1, 'english');

-- The configuration every document and query uses: the chosen language's dictionaries with unaccent in front of
-- them for words with letters outside ASCII, so "Müller" and "Muller" are one lexeme and
-- ts_headline still highlights the text as it was written. Its OID never changes (a language change alters its
-- mappings), so nothing that refers to it needs recreating.
CREATE TEXT SEARCH CONFIGURATION copydesk_search (PARSER = pg_catalog."default");

CREATE FUNCTION copydesk_search_use_language(p_language text) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    source regconfig;
    token record;
    dictionaries text;
BEGIN
    SELECT c.oid::regconfig INTO source FROM pg_ts_config c WHERE c.cfgname = p_language AND c.cfgname <> 'copydesk_search';
    IF source IS NULL THEN
        RAISE EXCEPTION 'search language "%" is not a text search configuration of this database', p_language
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR token IN SELECT t.tokid, t.alias FROM ts_token_type('pg_catalog.default') t LOOP
        SELECT string_agg(m.mapdict::regdictionary::text, ', ' ORDER BY m.mapseqno) INTO dictionaries
            FROM pg_ts_config_map m WHERE m.mapcfg = source AND m.maptokentype = token.tokid;
        -- ADD MAPPING fails on a token that already has one: each token starts again from none.
        EXECUTE format('ALTER TEXT SEARCH CONFIGURATION copydesk_search DROP MAPPING IF EXISTS FOR %s', token.alias);
        IF dictionaries IS NULL THEN
            CONTINUE;
        ELSIF token.alias IN ('word', 'hword', 'hword_part') THEN
            EXECUTE format('ALTER TEXT SEARCH CONFIGURATION copydesk_search ADD MAPPING FOR %s WITH public.unaccent, %s',
                token.alias, dictionaries);
        ELSE
            EXECUTE format('ALTER TEXT SEARCH CONFIGURATION copydesk_search ADD MAPPING FOR %s WITH %s',
                token.alias, dictionaries);
        END IF;
    END LOOP;
    UPDATE "search_settings" SET "language" = p_language, "updated_at" = clock_timestamp() WHERE "id" = 1;
END;
$$;
REVOKE ALL ON FUNCTION copydesk_search_use_language(text) FROM PUBLIC;

SELECT copydesk_search_use_language('english');

-- One row per revision. document: A headline; B dek, byline, credited names; C body and photo captions and
-- credits; D public summary, public note, notes carried into a publication, internal note. A tsvector holds at
-- most 1 MB of words, so B and D are read up to 20,000 characters and C up to 200,000 (the body first): even
-- text of four-byte characters stays under it, and a save can never fail on its index. names: unaccented, lower-case names for typo-tolerant
-- matching with pg_trgm (byline, credited names, headline, slug, photo credits, capitalised words of the dek,
-- body and captions). current: the story's current version (live, else newest).
CREATE TABLE "search_documents" (
    "revision_id" UUID NOT NULL,
    "story_id" UUID NOT NULL,
    "revision_number" INTEGER NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT false,
    "document" tsvector NOT NULL,
    "names" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "search_documents_pkey" PRIMARY KEY ("revision_id")
);
-- Documents stay in the row, compressed, rather than in TOAST: a search reads every matching document to rank it,
-- and the detour through TOAST made a phrase across 222,000 revisions take 117-132 ms instead of 64-80 ms (bench).
ALTER TABLE "search_documents" ALTER COLUMN "document" SET STORAGE MAIN;
ALTER TABLE "search_documents" SET (toast_tuple_target = 8160);
CREATE UNIQUE INDEX "search_documents_story_id_revision_number_key" ON "search_documents"("story_id", "revision_number");
CREATE INDEX "search_documents_document_idx" ON "search_documents" USING GIN ("document");
CREATE INDEX "search_documents_current_document_idx" ON "search_documents" USING GIN ("document") WHERE "current";
CREATE INDEX "search_documents_names_idx" ON "search_documents" USING GIN ("names" gin_trgm_ops);
CREATE INDEX "search_documents_current_names_idx" ON "search_documents" USING GIN ("names" gin_trgm_ops) WHERE "current";
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "revisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_story_id_fkey" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- (Re)builds the documents of these revisions from the tables their text lives in.
CREATE FUNCTION copydesk_search_build(p_revision_ids uuid[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO "search_documents" ("revision_id", "story_id", "revision_number", "current", "document", "names")
    SELECT r."id", r."story_id", r."number",
        r."number" = coalesce(s."live_revision_number", s."latest_revision_number"),
        setweight(to_tsvector('copydesk_search'::regconfig, r."headline"), 'A')
            || setweight(to_tsvector('copydesk_search'::regconfig, left(concat_ws(' ', r."dek", r."byline", c.names), 20000)), 'B')
            || setweight(to_tsvector('copydesk_search'::regconfig, left(concat_ws(' ', left(r."body", 200000), i.captions), 200000)), 'C')
            || setweight(to_tsvector('copydesk_search'::regconfig,
                left(concat_ws(' ', r."summary", r."public_note", n.notes, r."internal_note"), 20000)), 'D'),
        -- Capitalised words last: on a very long body the list is cut there, keeping the trigram index small.
        left(lower(copydesk_unaccent(concat_ws(' ', r."headline", replace(s."slug", '-', ' '), r."byline", c.names, i.credits, k.capitals))), 10000)
    FROM "revisions" r
    JOIN "stories" s ON s."id" = r."story_id"
    CROSS JOIN LATERAL (
        SELECT string_agg(ct."name", ' ' ORDER BY cr."position") AS names
        FROM "credits" cr JOIN "contributors" ct ON ct."id" = cr."contributor_id"
        WHERE cr."revision_id" = r."id") c
    CROSS JOIN LATERAL (
        SELECT string_agg(concat_ws(' ', e->>'caption', e->>'credit'), ' ') AS captions,
               string_agg(e->>'credit', ' ') AS credits
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r."images") = 'array' THEN r."images" ELSE '[]' END) e) i
    CROSS JOIN LATERAL (
        SELECT string_agg(e->>'text', ' ') AS notes
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r."carried_notes") = 'array' THEN r."carried_notes" ELSE '[]' END) e) n
    CROSS JOIN LATERAL (
        SELECT string_agg(DISTINCT m[1], ' ') AS capitals
        FROM regexp_matches(concat_ws(' ', r."dek", left(r."body", 200000), i.captions),
            '([[:upper:]][[:alnum:]]*(?:[''’-][[:alnum:]]+)*)', 'g') m) k
    WHERE r."id" = ANY (p_revision_ids)
    ON CONFLICT ("revision_id") DO UPDATE SET "current" = EXCLUDED."current", "document" = EXCLUDED."document",
        "names" = EXCLUDED."names";
$$;
REVOKE ALL ON FUNCTION copydesk_search_build(uuid[]) FROM PUBLIC;

-- Builds the document of the revision a trigger fired for; the two revision triggers below differ only in when.
CREATE FUNCTION copydesk_search_revision_build() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM copydesk_search_build(ARRAY[NEW."id"]);
    RETURN NULL;
END;
$$;

-- A new revision is indexed when its transaction commits (a deferred trigger): by then its credits are written
-- and the story's pointers have moved, so a save builds its document once.
CREATE CONSTRAINT TRIGGER "revisions_search_added" AFTER INSERT ON "revisions"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION copydesk_search_revision_build();

-- A revision's text changed in place (only a legal removal can do that): rebuilt at once, in that transaction.
CREATE TRIGGER "revisions_search_changed"
    AFTER UPDATE OF "headline", "dek", "byline", "body", "images", "summary", "public_note", "internal_note",
        "carried_notes" ON "revisions"
    FOR EACH ROW EXECUTE FUNCTION copydesk_search_revision_build();

-- Credits added to a revision already indexed (a revision's own credits are there before its deferred build).
CREATE FUNCTION copydesk_search_credits_added() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM copydesk_search_build(ARRAY(
        SELECT DISTINCT a."revision_id" FROM added a
        WHERE EXISTS (SELECT 1 FROM "search_documents" d WHERE d."revision_id" = a."revision_id")));
    RETURN NULL;
END;
$$;
CREATE TRIGGER "credits_search_added" AFTER INSERT ON "credits"
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION copydesk_search_credits_added();

-- Credits changed or taken out (a legal removal): the revision's document follows at once.
CREATE FUNCTION copydesk_search_credit_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM copydesk_search_build(ARRAY[OLD."revision_id"]);
    ELSE
        PERFORM copydesk_search_build(ARRAY[NEW."revision_id", OLD."revision_id"]);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "credits_search_changed" AFTER UPDATE OF "revision_id", "contributor_id" OR DELETE ON "credits"
    FOR EACH ROW EXECUTE FUNCTION copydesk_search_credit_changed();

-- A contributor's name changed (a legal removal taking them out of the directory): every revision crediting them.
CREATE FUNCTION copydesk_search_contributor_renamed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM copydesk_search_build(ARRAY(SELECT DISTINCT "revision_id" FROM "credits" WHERE "contributor_id" = NEW."id"));
    RETURN NULL;
END;
$$;
CREATE TRIGGER "contributors_search_renamed" AFTER UPDATE OF "name" ON "contributors"
    FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
    EXECUTE FUNCTION copydesk_search_contributor_renamed();

-- The story's current version moved (a save, a publish, an unpublish): only the flags of the two rows change.
-- A new slug is in every revision's names: all of them are rebuilt.
CREATE FUNCTION copydesk_search_story_moved() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    current_number integer := coalesce(NEW."live_revision_number", NEW."latest_revision_number");
BEGIN
    IF OLD."slug" IS DISTINCT FROM NEW."slug" THEN
        PERFORM copydesk_search_build(ARRAY(SELECT "id" FROM "revisions" WHERE "story_id" = NEW."id"));
    ELSIF current_number IS DISTINCT FROM coalesce(OLD."live_revision_number", OLD."latest_revision_number") THEN
        UPDATE "search_documents" SET "current" = ("revision_number" = current_number)
            WHERE "story_id" = NEW."id" AND ("current" OR "revision_number" = current_number)
                AND "current" IS DISTINCT FROM ("revision_number" = current_number);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "stories_search_moved" AFTER UPDATE OF "live_revision_number", "latest_revision_number", "slug"
    ON "stories" FOR EACH ROW EXECUTE FUNCTION copydesk_search_story_moved();

-- Every revision already saved.
SELECT copydesk_search_build(ARRAY(SELECT "id" FROM "revisions"));
