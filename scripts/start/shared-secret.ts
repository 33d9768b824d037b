import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * The session-signing secret of every instance on this database: the first instance to start makes it, the
 * others read the same row, so a session cookie signed by one instance is valid at all of them. Used when
 * DATABASE_URL is set and NEXTAUTH_SECRET is not (a secret in .data/ would differ from machine to machine).
 */
export async function sharedSessionSecret(options: { databaseUrl: string }): Promise<string> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query(
      "INSERT INTO shared_secrets (name, value) VALUES ('nextauth', $1) ON CONFLICT (name) DO NOTHING",
      [randomBytes(32).toString("hex")],
    );
    const { rows } = await client.query<{ value: string }>(
      "SELECT value FROM shared_secrets WHERE name = 'nextauth'",
    );
    return rows[0]!.value;
  } finally {
    await client.end();
  }
}
