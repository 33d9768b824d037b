/** A readable sentence for errors that mean "the database cannot be reached", or null for anything else. */
export function describeDatabaseError(error: unknown): string | null {
  const found = findConnectionError(error);
  if (!found) return null;
  const where = found.address && found.port ? ` at ${found.address}:${found.port}` : "";
  switch (found.code) {
    case "ECONNREFUSED":
      return `Cannot reach the database${where}: nothing is listening there. Is PostgreSQL running, and is DATABASE_URL right?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach the database: the host in DATABASE_URL (${found.hostname ?? "unknown"}) cannot be resolved.`;
    case "ETIMEDOUT":
      return `Cannot reach the database${where}: the connection timed out.`;
    case "28P01":
    case "28000":
      return "The database refused the user name or password in DATABASE_URL.";
    case "3D000":
      return `The database named in DATABASE_URL does not exist: ${found.message}`;
    default:
      return null;
  }
}

type ConnectionError = { code: string; message: string; address?: string; port?: number; hostname?: string };

function findConnectionError(error: unknown, depth = 0): ConnectionError | null {
  if (!error || typeof error !== "object" || depth > 4) return null;
  const candidate = error as Partial<ConnectionError> & { cause?: unknown; errors?: unknown[] };
  if (typeof candidate.code === "string" && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|28P01|28000|3D000)$/.test(candidate.code)) {
    return candidate as ConnectionError;
  }
  for (const inner of [candidate.cause, ...(Array.isArray(candidate.errors) ? candidate.errors : [])]) {
    const found = findConnectionError(inner, depth + 1);
    if (found) return found;
  }
  return null;
}
