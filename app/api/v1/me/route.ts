import { apiRoute, json, otherMethods } from "@/app/_support/api-route";
import type { Actor } from "@/lib/auth/actor";
import {
  EmailNotificationsInput,
  readEmailNotifications,
  setEmailNotifications,
} from "@/lib/mail/email-notifications";

export const dynamic = "force-dynamic";

const me = (actor: Actor, emailNotifications: boolean) =>
  json({ email: actor.email, name: actor.name, role: actor.role, via: actor.via, emailNotifications });

/** Who the API sees: lets an integration check its token before doing real work. */
export const GET = apiRoute({
  name: "GET /api/v1/me",
  run: async ({ actor }) => me(actor, (await readEmailNotifications({ actor })).emailNotifications),
});

/** The caller's own settings: only `emailNotifications` (mail about their inbox), and only their own. */
export const PATCH = apiRoute({
  name: "PATCH /api/v1/me",
  body: EmailNotificationsInput,
  run: async ({ actor, body }) => {
    const saved = await setEmailNotifications({
      actor,
      userId: actor.userId,
      emailNotifications: body.emailNotifications,
    });
    return me(actor, saved.emailNotifications);
  },
});

export const { POST, PUT, DELETE, OPTIONS } = otherMethods({ allow: ["GET", "PATCH"] });
