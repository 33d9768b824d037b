"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { requireActionActor } from "@/app/_auth/require-page-actor";
import { endOwnSession, signOutEverywhere } from "@/lib/auth/sessions";
import { ChangeOwnPasswordInput } from "@/lib/auth/user-input";
import { changeOwnPassword } from "@/lib/auth/users";
import { formErrorState, type FormState } from "@/lib/errors/form-state";
import { parseInput } from "@/lib/validation/parse-input";

const EndSessionInput = z.object({ sessionId: z.uuid({ error: "Unknown session" }) });

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor({ permission: "account:own" });
    const input = parseInput({
      schema: ChangeOwnPasswordInput,
      input: {
        currentPassword: formData.get("currentPassword"),
        newPassword: formData.get("newPassword"),
        confirmPassword: formData.get("confirmPassword"),
      },
    });
    const { endedSessions } = await changeOwnPassword({ ...input, actor });
    revalidatePath("/desk/account");
    const elsewhere =
      endedSessions === 0
        ? ""
        : ` You were signed out of ${endedSessions} other ${endedSessions === 1 ? "session" : "sessions"}.`;
    return { status: "success", message: `Your password is changed.${elsewhere}`, result: undefined };
  } catch (error) {
    return formErrorState(error, { action: "changePassword" });
  }
}

export async function endSessionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActionActor({ permission: "account:own" });
    const input = parseInput({ schema: EndSessionInput, input: { sessionId: formData.get("sessionId") } });
    await endOwnSession({ actor, sessionId: input.sessionId });
    revalidatePath("/desk/account");
    return { status: "success", message: "That session is signed out.", result: undefined };
  } catch (error) {
    return formErrorState(error, { action: "endSession" });
  }
}

/** Ends every session, this one too, and lands on the sign-in page. */
export async function signOutEverywhereAction(_previous: FormState): Promise<FormState> {
  try {
    const actor = await requireActionActor({ permission: "account:own" });
    await signOutEverywhere({ actor });
  } catch (error) {
    return formErrorState(error, { action: "signOutEverywhere" });
  }
  redirect("/signin?signedOut=everywhere");
}
