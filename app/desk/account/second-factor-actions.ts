"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { actionOrigin } from "@/app/_support/action-origin";
import { deskAction, deskFormAction } from "@/app/_support/desk-action";
import { drawQrCode, type QrDrawing } from "@/lib/auth/second-factor/qr-code";
import { createNewRecoveryCodes } from "@/lib/auth/second-factor/recovery-codes";
import { TotpCodeInput } from "@/lib/auth/second-factor/second-factor-input";
import {
  confirmTotpEnrollment,
  removeTotp,
  startTotpEnrollment,
} from "@/lib/auth/second-factor/totp-enrollment";

export type TotpEnrollmentView = { secret: string; qr: QrDrawing };

/** "Set up an authenticator app": a new secret, shown as a QR code and as text. */
export const startTotpAction = deskAction({
  name: "startTotp",
  permission: "account:own",
  input: z.object({}),
  run: async ({ actor }) => {
    const { secret, address } = await startTotpEnrollment({ actor });
    const result: TotpEnrollmentView = { secret, qr: drawQrCode(address) };
    return { status: "success", message: "Scan the code with your authenticator app.", result };
  },
});

/**
 * The first code confirms the app. The page is not revalidated here: the recovery codes shown once must stay on
 * screen until the person says they have saved them (the form then refreshes the page).
 */
export const confirmTotpAction = deskFormAction({
  name: "confirmTotp",
  permission: "account:own",
  input: z.object({ code: TotpCodeInput }),
  fields: ["code"],
  run: async ({ actor, input }) => {
    const { recoveryCodes } = await confirmTotpEnrollment({
      actor,
      code: input.code,
      ...(await actionOrigin()),
    });
    return { status: "success", message: "Your authenticator app is set up.", result: { recoveryCodes } };
  },
});

export const removeTotpAction = deskFormAction({
  name: "removeTotp",
  permission: "account:own",
  input: z.object({
    currentPassword: z
      .string({ error: "Enter your current password" })
      .min(1, { error: "Enter your current password" })
      .max(256),
  }),
  fields: ["currentPassword"],
  run: async ({ actor, input }) => {
    await removeTotp({ actor, currentPassword: input.currentPassword, ...(await actionOrigin()) });
    revalidatePath("/desk/account");
    return { status: "success", message: "Your authenticator app is removed.", result: undefined };
  },
});

/** Ten new recovery codes; the unused old ones stop working. Shown once, so no revalidation either. */
export const newRecoveryCodesAction = deskFormAction({
  name: "newRecoveryCodes",
  permission: "account:own",
  input: z.object({}),
  fields: [],
  run: async ({ actor }) => {
    const codes = await createNewRecoveryCodes({ actor, ...(await actionOrigin()) });
    return {
      status: "success",
      message: "New recovery codes are ready; the old ones no longer work.",
      result: codes,
    };
  },
});
