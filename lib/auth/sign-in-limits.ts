import "server-only";

import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

import { requestConnectionLimits } from "@/lib/db/database-timeouts";
import { readDatabaseUrl } from "@/lib/db/database-url";
import { logger } from "@/lib/log/logger";
import { processParts } from "@/lib/server/process-wiring.mjs";

/**
 * Failed sign-ins are slowed down per account *and* address, so a stranger guessing elsewhere never stops the
 * real person signing in from their own address (the sign_in_limits table is shared by every app instance):
 * - account at this address: 4 failures an hour go straight through (typos); after that each attempt must
 *   wait, 30 seconds after the 4th failure and doubling with every further one up to 15 minutes (about 8
 * guesses in   the first hour, then 4 an hour);
 * - this address, any account: 50 failures an hour, then locked for the rest of the hour — stops one client
 *   spraying many accounts;
 * - there is deliberately no limit per account alone: that would let anyone lock anyone out. Guessing spread
 *   over many addresses is bounded by the per-address limits and by the cap on hashing work
 *   (lib/auth/hashing-gate.ts);
 * - a remembered device (a browser that has signed in to this account before, lib/auth/devices) is exempt
 *   from both limits above, so a script on the office's guest wifi cannot lock the newsroom out: its
 *   failures are counted per device instead, 10 and that device is locked for an hour (it then counts as
 *   an unknown browser, under the per-address limits).
 */
export const signInLimitPolicy = {
  accountAddress: { freeFailures: 4, duration: 60 * 60, firstWaitSeconds: 30, maxWaitSeconds: 15 * 60 },
  address: { points: 50, duration: 60 * 60 },
  device: { failures: 10, lockSeconds: 60 * 60 },
} as const;

/** How long to wait after the `failuresBeyondFree`th failure past the free ones (1 = the first wait). */
export function waitSecondsAfter(failuresBeyondFree: number): number {
  const policy = signInLimitPolicy.accountAddress;
  return Math.min(policy.maxWaitSeconds, policy.firstWaitSeconds * 2 ** Math.max(0, failuresBeyondFree - 1));
}

export type SignInLimiters = {
  accountAddress: RateLimiterPostgres;
  pace: RateLimiterPostgres;
  address: RateLimiterPostgres;
  /** One audit note an hour per refused device cookie, however often a script replays it. */
  deviceNotice: RateLimiterPostgres;
};

function createLimiters(databaseUrl: string): SignInLimiters {
  const storeClient = new pg.Pool({ connectionString: databaseUrl, max: 4, ...requestConnectionLimits });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool
  // reconnects.
  storeClient.on("error", (error) => logger.warn("sign-in limit store connection lost", { error }));
  const make = (keyPrefix: string, limits: { points: number; duration: number }) =>
    new RateLimiterPostgres({
      storeClient,
      storeType: "pool",
      tableName: "sign_in_limits",
      tableCreated: true,
      keyPrefix,
      ...limits,
    });
  return {
    // Counts failures only; the waiting is done by `pace`, one attempt per window.
    accountAddress: make("accountAddress", {
      points: 1_000_000,
      duration: signInLimitPolicy.accountAddress.duration,
    }),
    pace: make("pace", { points: 1, duration: signInLimitPolicy.accountAddress.firstWaitSeconds }),
    address: make("address", signInLimitPolicy.address),
    deviceNotice: make("deviceNotice", { points: 1, duration: 60 * 60 }),
  };
}

/** One pool and one set of limiters per process and database, whichever bundle asks. */
export function getSignInLimiters(): SignInLimiters {
  const databaseUrl = readDatabaseUrl();
  if (processParts.signInLimits?.databaseUrl !== databaseUrl) {
    processParts.signInLimits = { databaseUrl, limiters: createLimiters(databaseUrl) };
  }
  return processParts.signInLimits.limiters;
}

/**
 * Keys are hashed: the table then holds no email addresses or client addresses, and always fits varchar(255).
 */
export function signInLimitKeys(options: { email: string; clientAddress: string }): {
  accountAddress: string;
  address: string;
} {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");
  return {
    accountAddress: digest(`${options.email}\n${options.clientAddress}`),
    address: digest(options.clientAddress),
  };
}

export function isRateLimiterRes(value: unknown): value is RateLimiterRes {
  return value instanceof RateLimiterRes;
}
