import type pg from "pg";

/**
 * The search language (SEARCH_LANGUAGE) is kept in search_settings, and every document is built with it. The
 * migrate step brings the database to the configured language: when it changed, the copydesk_search
 * configuration takes the new language's dictionaries and every revision's document is rebuilt, in one
 * transaction, so searches never mix two languages. On a large archive that rebuild takes minutes (it runs at
 * start-up, under the startup lock); an unchanged language costs one read.
 */
export class SearchLanguageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SearchLanguageError";
  }
}

export async function applySearchLanguage(options: {
  client: pg.Client;
  language: string;
  log?: (line: string) => void;
}): Promise<{ changed: boolean; rebuilt: number }> {
  const { client, language } = options;
  const { rows } = await client.query<{ language: string }>(
    `SELECT "language" FROM "search_settings" WHERE "id" = 1`,
  );
  if (rows[0]?.language === language) return { changed: false, rebuilt: 0 };
  const known = await client.query<{ name: string }>(
    `SELECT cfgname AS name FROM pg_ts_config WHERE cfgname <> 'copydesk_search' ORDER BY cfgname`,
  );
  const names = known.rows.map((row) => row.name);
  if (!names.includes(language))
    throw new SearchLanguageError(
      `SEARCH_LANGUAGE "${language}" is not a text search language of this database; choose one of: ${names.join(", ")}.`,
    );
  await client.query("BEGIN");
  try {
    await client.query("SELECT copydesk_search_use_language($1)", [language]);
    const { rowCount } = await client.query(
      `SELECT copydesk_search_build(ARRAY(SELECT "id" FROM "revisions" WHERE "story_id" = s."id")) FROM "stories" s`,
    );
    await client.query("COMMIT");
    options.log?.(
      `search language is now ${language}; rebuilt the search documents of ${rowCount ?? 0} stories`,
    );
    return { changed: true, rebuilt: rowCount ?? 0 };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
