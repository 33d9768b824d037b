import { z } from "zod";

/** Six digits; spaces an app shows between groups ("123 456") are forgiven. */
export const TotpCodeInput = z
  .string()
  .transform((value) => value.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: "Enter the 6-digit code from your app" }));

export const RecoveryCodeInput = z
  .string()
  .transform((value) => value.toLowerCase().replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^[a-z0-9]{10}$/, { error: "Enter a recovery code like abcde-fghjk" }));

export const SecondStepMethodInput = z.enum(["totp", "recovery_code", "passkey"]);
export type SecondStepMethod = z.infer<typeof SecondStepMethodInput>;
