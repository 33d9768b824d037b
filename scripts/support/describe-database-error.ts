type Found = { code: string; host?: string; port?: number; detail?: string };

const connectionCodes =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|28P01|28000|3D000|P1000|P1001|P1002|P1003)$/;

// node-postgres errors carry code/address/port; Prisma's carry code P10xx with the driver adapter's
// cause (kind, host, port) in meta. Either may be wrapped as a `cause`.
function find(error: unknown, depth = 0): Found | null {
  if (!error || typeof error !== "object" || depth > 4) return null;
  const candidate = error as {
    code?: unknown;
    address?: string;
    port?: number;
    hostname?: string;
    message?: string;
    meta?: { driverAdapterError?: { cause?: { host?: string; port?: number; database?: string } } };
    cause?: unknown;
    errors?: unknown[];
  };
  if (typeof candidate.code === "string" && connectionCodes.test(candidate.code)) {
    const adapterCause = candidate.meta?.driverAdapterError?.cause;
    return {
      code: candidate.code,
      host: candidate.address ?? candidate.hostname ?? adapterCause?.host,
      port: candidate.port ?? adapterCause?.port,
      detail: adapterCause?.database ?? candidate.message,
    };
  }
  for (const inner of [candidate.cause, ...(Array.isArray(candidate.errors) ? candidate.errors : [])]) {
    const found = find(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

/** A readable sentence for errors that mean "the database cannot be reached", or null for anything else. */
export function describeDatabaseError(error: unknown): string | null {
  const found = find(error);
  if (!found) return null;
  const where = found.host && found.port ? ` at ${found.host}:${found.port}` : "";
  switch (found.code) {
    case "ECONNREFUSED":
    case "P1001":
      return `Cannot reach the database${where}: nothing answers there. Is PostgreSQL running, and is DATABASE_URL right?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach the database: the host in DATABASE_URL (${found.host ?? "unknown"}) cannot be resolved.`;
    case "ETIMEDOUT":
    case "P1002":
      return `Cannot reach the database${where}: the connection timed out.`;
    case "28P01":
    case "28000":
    case "P1000":
      return "The database refused the user name or password in DATABASE_URL.";
    default:
      return "The database named in DATABASE_URL does not exist. Create it (e.g. createdb copydesk), then run npm run db:migrate.";
  }
}
