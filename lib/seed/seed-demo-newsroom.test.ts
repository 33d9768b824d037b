import { describe, expect, it } from "vitest";

import { signInWithPassword } from "@/lib/auth/sign-in";
import { getDb } from "@/lib/db/client";

import { demoStorySlug } from "./demo-story";
import { demoAdminEmail, findDemoAdmin, seedDemoNewsroom } from "./seed-demo-newsroom";

// One database for the whole file, so the steps run in order: first run, later runs, interrupted run.
describe("seedDemoNewsroom", () => {
  it("on an empty database without the demo story, creates only the admin, with a generated password that signs in", async () => {
    const result = await seedDemoNewsroom({ withDemoStory: false });

    expect(result.status).toBe("seeded");
    if (result.status !== "seeded") return;
    expect(result.adminEmail).toBe(demoAdminEmail);
    expect(result.passwordGenerated).toBe(true);
    expect(result.adminPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await getDb().user.findMany({ select: { email: true, role: true } })).toEqual([
      { email: demoAdminEmail, role: "admin" },
    ]);
    expect(await getDb().story.count()).toBe(0);
    const signIn = await signInWithPassword({
      email: demoAdminEmail,
      password: result.adminPassword,
      clientAddress: "192.0.2.10",
    });
    expect(signIn.ok).toBe(true);
  });

  it("finishes an interrupted first run by adding the demo story once, then does nothing", async () => {
    expect(await seedDemoNewsroom({ withDemoStory: true })).toEqual({ status: "completed-demo-story" });
    const story = await getDb().story.findUniqueOrThrow({
      where: { slug: demoStorySlug },
      select: { latestRevisionNumber: true, createdById: true },
    });
    expect(story.latestRevisionNumber).toBeGreaterThan(2);

    expect(await seedDemoNewsroom({ withDemoStory: true })).toEqual({ status: "not-needed" });
    expect(await getDb().story.count()).toBe(1);
    expect(await findDemoAdmin()).toEqual({ email: demoAdminEmail, active: true });
  });

  it("never seeds a newsroom that already has people, whatever ADMIN_PASSWORD says", async () => {
    await getDb().user.create({
      data: {
        email: "reporter@example.org",
        name: "Existing Reporter",
        role: "contributor",
        passwordHash: "x",
      },
    });

    expect(
      await seedDemoNewsroom({ withDemoStory: true, adminPassword: "a different long password" }),
    ).toEqual({ status: "not-needed" });
    expect(await getDb().user.count({ where: { role: "admin" } })).toBe(1);
  });
});
