import { EmbeddedDatabaseError } from "@/lib/db/embedded-server";
import { MigrationError } from "@/lib/db/migrations";
import { isConfigError } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";

import { describeDatabaseError } from "./describe-database-error";

/** A failure the command already explained to the user; run-main only sets the exit code. */
export class ReportedFailure extends Error {
  readonly exitCode: number;

  constructor(options: { message: string; exitCode?: number }) {
    super(options.message);
    this.name = "ReportedFailure";
    this.exitCode = options.exitCode ?? 1;
  }
}

/** The one sentence a person at the terminal should read for `error`; never a stack trace. */
export function describeFailure(error: unknown): string {
  if (
    isConfigError(error) ||
    error instanceof EmbeddedDatabaseError ||
    error instanceof MigrationError ||
    error instanceof ReportedFailure
  ) {
    return error.message;
  }
  // A database that never answered is named with its address, as a raw connection error would be.
  if (isAppError(error))
    return (error.code === "unavailable" ? describeDatabaseError(error.cause) : null) ?? error.userMessage;
  const database = describeDatabaseError(error);
  if (database) return database;
  const message = error instanceof Error ? error.message : String(error);
  return `Unexpected error: ${message}${process.env.COPYDESK_DEBUG ? "" : " (set COPYDESK_DEBUG=1 for details)"}`;
}

/**
 * Runs a command-line entry point: on failure prints one clear line to stderr and exits non-zero.
 * `cleanup` runs either way (stopping a database the command started).
 */
export async function runMain(
  main: () => Promise<void>,
  options: { cleanup?: () => Promise<void> } = {},
): Promise<void> {
  // Interrupted half-way, a command still stops the embedded PostgreSQL it started.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void (options.cleanup?.() ?? Promise.resolve()).catch(() => {}).finally(() => process.exit(130));
    });
  }
  let exitCode = 0;
  try {
    await main();
  } catch (error) {
    exitCode = error instanceof ReportedFailure ? error.exitCode : 1;
    console.error(`copydesk: ${describeFailure(error)}`);
    if (process.env.COPYDESK_DEBUG) console.error(error);
  } finally {
    await options.cleanup?.().catch(() => {});
  }
  process.exit(exitCode);
}
