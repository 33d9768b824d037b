import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";

import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { processParts } from "@/lib/server/process-wiring.mjs";

import { isLostConnection, isUnanswered } from "./connection-loss";
import { requestConnectionLimits } from "./database-timeouts";
import { readDatabaseUrl } from "./database-url";
import { PrismaClient } from "./generated/client";
import { ResilientPool } from "./resilient-pool";

/** PrismaPg on a ResilientPool; every (re)connect gets a pool of its own, which `$disconnect` closes. */
class ResilientPrismaPg extends PrismaPg {
  constructor(private readonly poolConfig: pg.PoolConfig) {
    super(poolConfig);
  }

  override connect() {
    return new PrismaPg(new ResilientPool(this.poolConfig), { disposeExternalPool: true }).connect();
  }
}

type InteractiveTransaction = <R>(work: (tx: unknown) => Promise<R>, options?: unknown) => Promise<R>;

/**
 * Interactive transactions whose connection died before COMMIT was sent changed nothing, so they run once
 * more, on a fresh connection. One that lost its connection at COMMIT may or may not have committed: it is
 * never re-run, and the person is told to check rather than that nothing was saved.
 */
function retryInterruptedTransactions(client: PrismaClient): PrismaClient {
  const original = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const retrying: InteractiveTransaction = async (work, options) => {
    for (let attempt = 1; ; attempt++) {
      let committing = false;
      try {
        return (await original(async (tx: unknown) => {
          const result = await work(tx);
          committing = true;
          return result;
        }, options)) as Awaited<ReturnType<typeof work>>;
      } catch (error) {
        if (!isLostConnection(error)) throw error;
        if (committing) throw lostAtCommit(error);
        // A stuck server (no answer in time) is not helped by a second attempt, which would double the wait.
        if (attempt >= 2 || isUnanswered(error)) throw lostBeforeCommit(error);
        logger.warn("transaction lost its connection before COMMIT; running it again on a fresh connection", {
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    }
  };
  Object.defineProperty(client, "$transaction", {
    value: (...args: unknown[]) =>
      typeof args[0] === "function"
        ? retrying(args[0] as (tx: unknown) => Promise<unknown>, args[1])
        : original(...args),
  });
  return client;
}

function lostBeforeCommit(error: unknown): AppError {
  return new AppError({
    code: "unavailable",
    message: `transaction interrupted twice before COMMIT: ${error instanceof Error ? error.message : String(error)}`,
    userMessage: "The connection to the database was interrupted, so nothing was saved. Please try again.",
    cause: error,
  });
}

function lostAtCommit(error: unknown): AppError {
  return new AppError({
    code: "unavailable",
    message: `connection lost during COMMIT: ${error instanceof Error ? error.message : String(error)}`,
    userMessage:
      "The connection to the database was lost just as this was being saved, so it may or may not have been saved. Reload to check before trying again.",
    cause: error,
  });
}

function createClient(): PrismaClient {
  const adapter = new ResilientPrismaPg({
    connectionString: readDatabaseUrl(),
    keepAlive: true,
    ...requestConnectionLimits,
  });
  // Waiting a few seconds for a connection beats refusing at once: a busy moment (a publish rush, a slow
  // machine) should queue, not answer "unavailable" after Prisma's default of 2 s.
  return retryInterruptedTransactions(
    new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } }),
  );
}

/** The process-wide Prisma client (one for every bundle: lib/server/process-wiring.mjs), created on first use so
 * builds never need a database. */
export function getDb(): PrismaClient {
  processParts.prisma ??= createClient();
  return processParts.prisma;
}

/**
 * Closes the process's client and forgets it, so the next getDb() makes a new one (on DATABASE_URL as it is
 * then): the server's stop, a script's end, a test that moves to another database.
 */
export async function disconnectDb(): Promise<void> {
  const client = processParts.prisma;
  processParts.prisma = undefined;
  await client?.$disconnect();
}

export type Db = PrismaClient;
export type { Prisma } from "./generated/client";
