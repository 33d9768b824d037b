import { describe, expect, it } from "vitest";

import { createTestActor } from "@/lib/auth/test-actors";
import { deactivateUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { appErrorOf } from "@/lib/revisions/test-stories";

import {
  EmailNotificationsFormInput,
  readEmailNotifications,
  setEmailNotifications,
} from "./email-notifications";

const settingOf = async (userId: string) =>
  (await getDb().user.findUniqueOrThrow({ where: { id: userId } })).emailNotifications;

describe("the email setting on the account page", () => {
  it("is on at first, and each person turns it off and on again for themselves", async () => {
    const ana = await createTestActor({ role: "contributor" });
    expect(await readEmailNotifications({ actor: ana })).toMatchObject({ emailNotifications: true });
    await setEmailNotifications({ actor: ana, userId: ana.userId, emailNotifications: false });
    expect(await settingOf(ana.userId)).toBe(false);
    expect(await readEmailNotifications({ actor: ana })).toMatchObject({ emailNotifications: false });
    await setEmailNotifications({ actor: ana, userId: ana.userId, emailNotifications: true });
    expect(await settingOf(ana.userId)).toBe(true);
  });

  it("refuses anyone, an admin too, who changes it for someone else, and changes nothing", async () => {
    const ana = await createTestActor({ role: "contributor" });
    const ben = await createTestActor({ role: "editor" });
    const admin = await createTestActor({ role: "admin" });
    for (const other of [ben, admin]) {
      const refusal = await appErrorOf(
        setEmailNotifications({ actor: other, userId: ana.userId, emailNotifications: false }),
      );
      expect(refusal.code).toBe("forbidden");
      expect(refusal.userMessage).toBe("You can change only your own email setting.");
    }
    expect(await settingOf(ana.userId)).toBe(true);
  });

  it("refuses a deactivated account (a session still open somewhere)", async () => {
    const gone = await createTestActor({ role: "editor" });
    await deactivateUser({ userId: gone.userId, actor: "system" });
    const refusal = await appErrorOf(
      setEmailNotifications({ actor: gone, userId: gone.userId, emailNotifications: false }),
    );
    expect(refusal.code).toBe("forbidden");
    expect(await settingOf(gone.userId)).toBe(true);
  });

  it("reads the desk's checkbox: ticked is on, left empty is off", () => {
    expect(EmailNotificationsFormInput.parse({ emailNotifications: "on" })).toEqual({
      emailNotifications: true,
    });
    expect(EmailNotificationsFormInput.parse({ emailNotifications: null })).toEqual({
      emailNotifications: false,
    });
    expect(EmailNotificationsFormInput.safeParse({ emailNotifications: "yes please" }).success).toBe(false);
  });
});
