import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { readDatabaseUrl } from "./database-url";

declare global {
  // One client per process, also across Next's module reloads.
  var copydeskPrisma: PrismaClient | undefined;
}

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: readDatabaseUrl() });
  return new PrismaClient({ adapter });
}

/** The process-wide Prisma client, created on first use so builds never need a database. */
export function getDb(): PrismaClient {
  globalThis.copydeskPrisma ??= createClient();
  return globalThis.copydeskPrisma;
}

export type Db = PrismaClient;
export type { Prisma } from "./generated/client";
