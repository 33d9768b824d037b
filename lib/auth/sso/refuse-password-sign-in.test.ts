import { describe, expect, it } from "vitest";

import { createTestActor } from "@/lib/auth/test-actors";
import { getDb } from "@/lib/db/client";

import { refusePasswordSignIn } from "./refuse-password-sign-in";

const at = { clientAddress: "192.0.2.30", userAgent: "vitest" };

describe("PASSWORD_SIGN_IN=break_glass", () => {
  // Guards issue 23: with passwords off for all but break-glass admins, a passkey still let anyone in, past the
  // identity provider that removes leavers.
  it("refuses a passkey sign-in of anyone but a break-glass admin, recorded with its method", async () => {
    const admin = await createTestActor({ role: "admin" });
    const editor = await createTestActor({ role: "editor" });
    const policy = { mode: "break_glass" as const, emails: [admin.email] };
    expect(await refusePasswordSignIn({ userId: editor.userId, method: "passkey", policy, ...at })).toBe(
      true,
    );
    expect(await refusePasswordSignIn({ userId: admin.userId, method: "passkey", policy, ...at })).toBe(
      false,
    );
    expect(
      await getDb().authEvent.findMany({
        where: { kind: "sign_in_failed" },
        select: { userId: true, method: true, detail: true },
      }),
    ).toEqual([{ userId: editor.userId, method: "passkey", detail: { reason: "password_sign_in_off" } }]);
  });

  it("lets everyone in while password sign-in is on", async () => {
    const editor = await createTestActor({ role: "editor" });
    expect(
      await refusePasswordSignIn({ userId: editor.userId, method: "passkey", policy: { mode: "on" }, ...at }),
    ).toBe(false);
  });
});
