"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { actionOrigin } from "@/app/_support/action-origin";
import { deskFormAction } from "@/app/_support/desk-action";
import { endOwnSession, signOutEverywhere } from "@/lib/auth/sessions";
import { ChangeOwnPasswordInput } from "@/lib/auth/user-input";
import { changeOwnPassword } from "@/lib/auth/users";
import { EmailNotificationsFormInput, setEmailNotifications } from "@/lib/mail/email-notifications";

const EndSessionInput = z.object({ sessionId: z.uuid({ error: "Unknown session" }) });

export const changePasswordAction = deskFormAction({
  name: "changePassword",
  permission: "account:own",
  input: ChangeOwnPasswordInput,
  fields: ["currentPassword", "newPassword", "confirmPassword"],
  run: async ({ actor, input }) => {
    const { endedSessions } = await changeOwnPassword({
      ...input,
      actor,
      clientAddress: (await actionOrigin()).clientAddress,
    });
    revalidatePath("/desk/account");
    const elsewhere =
      endedSessions === 0
        ? ""
        : ` You were signed out of ${endedSessions} other ${endedSessions === 1 ? "session" : "sessions"}.`;
    return { status: "success", message: `Your password is changed.${elsewhere}`, result: undefined };
  },
});

/** "Email me about my inbox": always the signed-in person's own setting, never anyone else's. */
export const emailNotificationsAction = deskFormAction({
  name: "emailNotifications",
  permission: "account:own",
  input: EmailNotificationsFormInput,
  fields: ["emailNotifications"],
  run: async ({ actor, input }) => {
    const { emailNotifications } = await setEmailNotifications({
      actor,
      userId: actor.userId,
      emailNotifications: input.emailNotifications,
    });
    revalidatePath("/desk/account");
    return {
      status: "success",
      message: emailNotifications
        ? "You will be emailed about what lands in your inbox."
        : "You will no longer be emailed; your inbox on the desk still shows everything.",
      result: undefined,
    };
  },
});

export const endSessionAction = deskFormAction({
  name: "endSession",
  permission: "account:own",
  input: EndSessionInput,
  fields: ["sessionId"],
  run: async ({ actor, input }) => {
    await endOwnSession({ actor, sessionId: input.sessionId });
    revalidatePath("/desk/account");
    return { status: "success", message: "That session is signed out.", result: undefined };
  },
});

/** Ends every session, this one too, and lands on the sign-in page. */
export const signOutEverywhereAction = deskFormAction({
  name: "signOutEverywhere",
  permission: "account:own",
  input: z.object({}),
  fields: [],
  run: async ({ actor }) => {
    await signOutEverywhere({ actor, clientAddress: (await actionOrigin()).clientAddress });
    redirect("/signin?signedOut=everywhere");
  },
});
