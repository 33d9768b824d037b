import { describe, expect, it } from "vitest";

import { signInWithPassword } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db/client";

import { findDemoAdmin, seedDemoNewsroom } from "./seed-demo-newsroom";

describe("the first admin's email", () => {
  it("can be chosen (ADMIN_EMAIL), so the first account is not the well-known admin@copydesk.local", async () => {
    // Guards issue 9.3: the seeded admin's address was known to everyone.
    const result = await seedDemoNewsroom({ adminEmail: "chief@newsroom.example", withDemoStory: false });
    expect(result).toMatchObject({ status: "seeded", adminEmail: "chief@newsroom.example" });
    expect(await getDb().user.findMany({ select: { email: true, role: true } })).toEqual([
      { email: "chief@newsroom.example", role: "admin" },
    ]);
    expect(await findDemoAdmin({ adminEmail: "chief@newsroom.example" })).toEqual({
      email: "chief@newsroom.example",
      active: true,
    });
    if (result.status !== "seeded") return;
    expect(
      await signInWithPassword({
        email: "chief@newsroom.example",
        password: result.adminPassword,
        clientAddress: "192.0.2.11",
      }),
    ).toMatchObject({ ok: true });
  });
});
