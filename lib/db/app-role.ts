import pg from "pg";

// Tables whose rows are history: the app may add to them and read them, never change or remove them.
// (A legal removal changes some of them, through the owner's copydesk_apply_legal_removal, never the app's role.)
const appendOnlyTables = [
  "revisions",
  "credits",
  "story_status_events",
  "photo_uses",
  "review_comments",
  "review_events",
  "auth_events",
  "legal_removal_records",
] as const;
// Tables derived from the others by the owner's triggers (search): the app reads them, never writes them, so it
// can neither plant text in search nor keep text a legal removal took out.
const derivedTables = ["search_documents", "search_settings"] as const;
// Tables the app's role may not touch at all: the marker that opens the history triggers during a removal.
const ownerOnlyTables = ["legal_removal_unlocks"] as const;

/** The role a connection URL signs in as. */
export function roleOfUrl(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).username);
}

/** `databaseUrl` signing in as `role` with `password` instead. */
export function urlForRole(options: { databaseUrl: string; role: string; password: string }): string {
  const url = new URL(options.databaseUrl);
  url.username = encodeURIComponent(options.role);
  url.password = encodeURIComponent(options.password);
  return url.toString();
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a login role with no rights of its own (no superuser, no CREATE anything), or resets its password.
 */
export async function ensureLoginRole(options: {
  ownerUrl: string;
  role: string;
  password: string;
}): Promise<void> {
  await withClient(options.ownerUrl, async (client) => {
    const role = client.escapeIdentifier(options.role);
    const password = client.escapeLiteral(options.password);
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [options.role]);
    const verb = rowCount ? "ALTER" : "CREATE";
    await client.query(
      `${verb} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${password}`,
    );
  });
}

// The job queue (lib/jobs) is run by the app: it takes, locks and finishes job rows and calls the queue's
// functions, but its schema is created and upgraded by the owner only.
async function grantJobQueue(options: { client: pg.Client; role: string; appRole: string }): Promise<void> {
  const { client, role } = options;
  const { rowCount } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = 'graphile_worker'");
  if (!rowCount) return;
  await client.query(`GRANT USAGE ON SCHEMA graphile_worker TO ${role}`);
  await client.query(
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${role}`,
  );
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${role}`);
  await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${role}`);
  // The queue's tables have row-level security with no policy (only their owner may touch them); the app's
  // role gets a policy of its own on each, renewed after every migration run as the grants are.
  const { rows } = await client.query<{ name: string }>(
    "SELECT relname AS name FROM pg_class WHERE relnamespace = 'graphile_worker'::regnamespace AND relkind = 'r' AND relrowsecurity",
  );
  const policy = client.escapeIdentifier(`copydesk_app_${options.appRole}`.slice(0, 63));
  for (const { name } of rows) {
    const table = `graphile_worker.${client.escapeIdentifier(name)}`;
    await client.query(`DROP POLICY IF EXISTS ${policy} ON ${table}`);
    await client.query(`CREATE POLICY ${policy} ON ${table} TO ${role} USING (true) WITH CHECK (true)`);
  }
}

/**
 * Gives the app's role exactly what the app needs on the database the owner migrated, and nothing that could
 * unlock history: reading and writing rows (DML), but only INSERT and SELECT on the append-only tables, no
 * TRUNCATE, no ownership (so it cannot ALTER TABLE … DISABLE TRIGGER), and a read-only view of the migrations
 * table. Run as the owner after every migration run; it is idempotent.
 */
export async function grantAppRole(options: { ownerUrl: string; appRole: string }): Promise<void> {
  await withClient(options.ownerUrl, async (client) => {
    const role = client.escapeIdentifier(options.appRole);
    const { rows } = await client.query<{ owner: string; database: string }>(
      "SELECT current_user AS owner, current_database() AS database",
    );
    if (rows[0]?.owner === options.appRole)
      throw new Error(
        `The app role ${options.appRole} is the role that owns the database objects; give the app a role of its own.`,
      );
    // On a database not yet migrated some tables are missing; the grants run again after the migrations.
    const present = new Set(
      (
        await client.query<{ name: string }>(
          "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'",
        )
      ).rows.map((row) => row.name),
    );
    const history = appendOnlyTables
      .filter((table) => present.has(table))
      .map((table) => client.escapeIdentifier(table))
      .join(", ");
    await client.query("BEGIN");
    try {
      await client.query(
        `GRANT CONNECT ON DATABASE ${client.escapeIdentifier(rows[0]!.database)} TO ${role}`,
      );
      await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
      if (history) await client.query(`REVOKE UPDATE, DELETE ON ${history} FROM ${role}`);
      for (const table of derivedTables.filter((name) => present.has(name)))
        await client.query(`REVOKE INSERT, UPDATE, DELETE ON ${client.escapeIdentifier(table)} FROM ${role}`);
      for (const table of ownerOnlyTables.filter((name) => present.has(name)))
        await client.query(`REVOKE ALL ON ${client.escapeIdentifier(table)} FROM ${role}`);
      if (present.has("_prisma_migrations"))
        await client.query(`REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${role}`);
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
      await grantJobQueue({ client, role, appRole: options.appRole });
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  });
}
