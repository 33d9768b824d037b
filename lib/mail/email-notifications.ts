import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { UserIdInput } from "@/lib/auth/user-input";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { parseInput } from "@/lib/validation/parse-input";

import { mailSettings } from "./mail-settings";

/** The JSON API's body (`PATCH /api/v1/me`): nothing but the setting, and never whose it is. */
export const EmailNotificationsInput = z.strictObject({
  emailNotifications: z.boolean({ error: "must be true or false" }),
});

/** The desk's checkbox: a form sends "on" when it is ticked and nothing when it is not. */
export const EmailNotificationsFormInput = z.object({
  emailNotifications: z
    .literal("on", { error: "Tick the box or leave it empty" })
    .nullable()
    .transform((ticked) => ticked === "on"),
});

export type EmailNotificationsDto = {
  emailNotifications: boolean;
  /** Whether this newsroom sends mail at all (SMTP_URL); the setting is kept either way. */
  mailConfigured: boolean;
};

function notYours(actor: Actor, userId: string): AppError {
  return new AppError({
    code: "forbidden",
    message: `${actor.email} tried to change the email setting of user ${userId}`,
    userMessage: "You can change only your own email setting.",
  });
}

export async function readEmailNotifications(options: { actor: Actor }): Promise<EmailNotificationsDto> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: options.actor.userId },
    select: { emailNotifications: true },
  });
  return { emailNotifications: user.emailNotifications, mailConfigured: mailSettings() !== null };
}

/**
 * Whether a person is emailed about what lands in their inbox. Each person decides for themselves only: not
 * an admin, nor anyone else, may change it for another (an admin deactivates an account instead).
 */
export async function setEmailNotifications(options: {
  actor: Actor;
  userId: string;
  emailNotifications: boolean;
}): Promise<EmailNotificationsDto> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const userId = parseInput({ schema: UserIdInput, input: options.userId });
  const { emailNotifications } = parseInput({
    schema: EmailNotificationsInput,
    input: { emailNotifications: options.emailNotifications },
  });
  if (userId !== options.actor.userId) throw notYours(options.actor, userId);
  const { count } = await getDb().user.updateMany({
    where: { id: userId, active: true },
    data: { emailNotifications },
  });
  if (count === 0) throw notYours(options.actor, userId);
  logger.info("user changed own email setting", { userId, emailNotifications });
  return { emailNotifications, mailConfigured: mailSettings() !== null };
}
