import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { readDatabaseUrl } from "../db/database-url";
import { logger } from "../log/logger";

declare global {
  // One pool and one set of limiters per process and database, also across Next's module reloads.
  var copydeskSignInLimits: { databaseUrl: string; limiters: SignInLimiters } | undefined;
}

/**
 * Failed sign-ins are counted three ways (the sign_in_limits table is shared by every app instance):
 * - account at this address: 5 failures per 15 minutes — the usual brute-force lock, which does not let
 *   someone elsewhere lock a colleague out;
 * - this address, any account: 50 per hour — stops one client spraying many accounts;
 * - account, any address: 30 per hour — the backstop against guessing spread over many (or forged) addresses.
 */
export const signInLimitPolicy = {
  accountAddress: { points: 5, duration: 15 * 60 },
  address: { points: 50, duration: 60 * 60 },
  account: { points: 30, duration: 60 * 60 },
} as const;

type LimitName = keyof typeof signInLimitPolicy;
export type SignInLimiters = Record<LimitName, RateLimiterPostgres>;

function createLimiters(databaseUrl: string): SignInLimiters {
  const storeClient = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool reconnects.
  storeClient.on("error", (error) => logger.warn("sign-in limit store connection lost", { error }));
  const make = (name: LimitName) =>
    new RateLimiterPostgres({
      storeClient,
      storeType: "pool",
      tableName: "sign_in_limits",
      tableCreated: true,
      keyPrefix: name,
      ...signInLimitPolicy[name],
    });
  return { accountAddress: make("accountAddress"), address: make("address"), account: make("account") };
}

export function getSignInLimiters(): SignInLimiters {
  const databaseUrl = readDatabaseUrl();
  if (globalThis.copydeskSignInLimits?.databaseUrl !== databaseUrl) {
    globalThis.copydeskSignInLimits = { databaseUrl, limiters: createLimiters(databaseUrl) };
  }
  return globalThis.copydeskSignInLimits.limiters;
}

/** Keys are hashed: the table then holds no email addresses or client addresses, and always fits varchar(255). */
export function signInLimitKeys(options: { email: string; clientAddress: string }): Record<LimitName, string> {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");
  return {
    accountAddress: digest(`${options.email}\n${options.clientAddress}`),
    address: digest(options.clientAddress),
    account: digest(options.email),
  };
}

export function isRateLimiterRes(value: unknown): value is RateLimiterRes {
  return value instanceof RateLimiterRes;
}
