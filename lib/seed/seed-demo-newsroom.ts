import "server-only";

import { randomBytes } from "node:crypto";

import type { Actor } from "@/lib/auth/actor";
import { createUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import { createDemoStory } from "./demo-story";

export const demoAdminEmail = "admin@copydesk.local";
const demoAdminName = "Desk Administrator";

export type SeedResult =
  | {
      status: "seeded";
      adminEmail: string;
      adminPassword: string;
      passwordGenerated: boolean;
      /**
       * Set when the demo story failed; the admin (and its one-time password) exists regardless, and the
       * story is retried next run.
       */
      demoStoryError?: string;
    }
  | { status: "completed-demo-story" }
  | { status: "not-needed" };

/** 18 random bytes in base64url: 144 bits, easy to copy from a terminal (no spaces or quotes). */
function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

function actorFor(user: { id: string; email: string; name: string; role: Actor["role"] }): Actor {
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
}

/**
 * First run of a newsroom: with no users yet, creates the admin account (`adminEmail`, else
 * admin@copydesk.local; password from `adminPassword`,
 * otherwise generated) and, when `withDemoStory`, the sample developing story written by that admin.
 * A run interrupted between the two finishes the story next time (the seeded admin is then the only
 * user and there are no stories). Editor and contributor accounts are left to the newsroom to create.
 */
export async function seedDemoNewsroom(options: {
  adminEmail?: string;
  adminPassword?: string;
  withDemoStory: boolean;
}): Promise<SeedResult> {
  const db = getDb();
  const adminEmail = options.adminEmail ?? demoAdminEmail;
  const users = await db.user.findMany({
    take: 2,
    select: { id: true, email: true, name: true, role: true },
  });
  if (users.length === 0) {
    const adminPassword = options.adminPassword ?? generatePassword();
    const admin = await createUser({
      email: adminEmail,
      name: demoAdminName,
      role: "admin",
      password: adminPassword,
      actor: "system",
    });
    logger.info("seeded the newsroom's first admin", { userId: admin.id });
    const seeded = {
      status: "seeded",
      adminEmail: admin.email,
      adminPassword,
      passwordGenerated: options.adminPassword === undefined,
    } as const;
    if (!options.withDemoStory) return seeded;
    try {
      await createDemoStory({ author: actorFor(admin) });
      return seeded;
    } catch (error) {
      // The generated password exists nowhere else, so the caller must still get to print it.
      logger.error("creating the demo story failed", { error });
      return { ...seeded, demoStoryError: error instanceof Error ? error.message : String(error) };
    }
  }
  const onlyUser = users.length === 1 ? users[0] : undefined;
  if (options.withDemoStory && onlyUser?.email === adminEmail && (await db.story.count()) === 0) {
    await createDemoStory({ author: actorFor(onlyUser) });
    return { status: "completed-demo-story" };
  }
  return { status: "not-needed" };
}

/** Whether the seeded admin account still exists and may sign in, for the start-up message. */
export async function findDemoAdmin(
  options: { adminEmail?: string } = {},
): Promise<{ email: string; active: boolean } | null> {
  return getDb().user.findUnique({
    where: { email: options.adminEmail ?? demoAdminEmail },
    select: { email: true, active: true },
  });
}
