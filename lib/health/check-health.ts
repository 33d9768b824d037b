import "server-only";
import { getDb } from "../db/client";
import { logger } from "../log/logger";

export type HealthReport = { status: "ok"; db: "ok" } | { status: "unavailable"; db: "unreachable"; reason: string };

export async function checkHealth(_options: Record<string, never> = {}): Promise<HealthReport> {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return { status: "ok", db: "ok" };
  } catch (error) {
    logger.error("health check: database unreachable", { error });
    return { status: "unavailable", db: "unreachable", reason: "The database is not reachable." };
  }
}
