import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";

import { countFactors, isSecondFactorRequired } from "./factor-status";
import { drawQrCode, type QrDrawing } from "./qr-code";
import { countUnusedRecoveryCodes } from "./recovery-codes";
import { readPendingTotpEnrollment } from "./totp-enrollment";
import { readTotpStatus, type TotpStatus } from "./totp-factor";

export type SecondFactorOverview = {
  required: boolean;
  totp: TotpStatus;
  /** A set-up begun and not yet confirmed (the page was reloaded): shown again, to finish. */
  pendingTotp: { secret: string; qr: QrDrawing } | null;
  passkeys: number;
  unusedRecoveryCodes: number;
};

/** What the Account page's second-factor section shows the signed-in person about themselves. */
export async function readSecondFactorOverview(options: { actor: Actor }): Promise<SecondFactorOverview> {
  assertCan({ actor: options.actor, permission: "account:own" });
  const userId = options.actor.userId;
  const [required, totp, pending, counts, unusedRecoveryCodes] = await Promise.all([
    isSecondFactorRequired({ role: options.actor.role }),
    readTotpStatus({ userId }),
    readPendingTotpEnrollment({ actor: options.actor }),
    countFactors({ userId }),
    countUnusedRecoveryCodes({ userId }),
  ]);
  return {
    required,
    totp,
    pendingTotp: pending ? { secret: pending.secret, qr: drawQrCode(pending.address) } : null,
    passkeys: counts.passkeys,
    unusedRecoveryCodes,
  };
}
