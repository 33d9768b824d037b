// The types of process-wiring.mjs's slots, for the app; what each slot is, who owns it and the order in which
// the parts start and stop are described there.
import type { IncomingMessage, ServerResponse } from "node:http";

import type { SignInLimiters } from "@/lib/auth/sign-in-limits";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { ListenerState } from "@/lib/delivery/invalidation-listener";
import type { MemoState } from "@/lib/delivery/public-memo";
import type { JobRunner } from "@/lib/jobs/job-runner";

/** What scripts/serve.mjs calls once the process has started (lib/server/server-process.ts). */
export type StartedServer = {
  /** Answers a warm public page from the memo before Next's routing; false when it does not hold it. */
  answerFromMemo: (request: IncomingMessage, response: ServerResponse) => boolean;
  /** Stops the parts, in order, after the web server has stopped taking requests. */
  stop: () => Promise<void>;
};

export type ProcessParts = {
  edgeInFront: boolean;
  prisma: PrismaClient | undefined;
  databaseLostAt: number | undefined;
  publicMemo: MemoState | undefined;
  invalidationListener: ListenerState | undefined;
  signInLimits: { databaseUrl: string; limiters: SignInLimiters } | undefined;
  jobRunner: JobRunner | undefined;
  started: Promise<StartedServer>;
  announceStarted: (server: StartedServer) => void;
  failToStart: (error: unknown) => void;
};

export declare const processParts: ProcessParts;
