import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";

import { verifyPassword } from "./passwords";
import { createTestActor } from "./test-actors";
import {
  changeUserRole,
  createUser,
  deactivateUser,
  listUsers,
  reactivateUser,
  setUserPassword,
} from "./users";

// Tests in this file share one database; the last-admin rules need a newsroom whose admins are known.
async function retireEarlierAdmins() {
  await getDb().user.updateMany({ where: { role: "admin" }, data: { active: false } });
}

describe("users service", () => {
  it("an admin creates a user with a hashed password and a linked contributor", async () => {
    const admin = await createTestActor({ role: "admin" });
    const user = await createUser({
      email: "  Rosa.Diaz@Example.TEST ",
      name: "Rosa Díaz",
      role: "editor",
      password: "twelve chars ok",
      actor: admin,
    });
    expect(user).toMatchObject({
      email: "rosa.diaz@example.test",
      name: "Rosa Díaz",
      role: "editor",
      active: true,
    });
    expect(Object.keys(user)).not.toContain("passwordHash");
    const row = await getDb().user.findUniqueOrThrow({
      where: { id: user.id },
      include: { contributor: true },
    });
    expect(await verifyPassword({ hash: row.passwordHash, password: "twelve chars ok" })).toBe(true);
    expect(row.contributor?.name).toBe("Rosa Díaz");
  });

  it("links an existing freelance contributor of the same name instead of duplicating the credit", async () => {
    const freelancer = await getDb().contributor.create({ data: { name: "Ade Okafor" } });
    const user = await createUser({
      email: "ade@example.test",
      name: "Ade Okafor",
      role: "contributor",
      password: "twelve chars ok",
      actor: "system",
    });
    expect((await getDb().contributor.findUniqueOrThrow({ where: { id: freelancer.id } })).userId).toBe(
      user.id,
    );
  });

  it("refuses a name already credited to another account, creating nothing", async () => {
    await createUser({
      email: "first@example.test",
      name: "Sam Lee",
      role: "editor",
      password: "twelve chars ok",
      actor: "system",
    });
    await expect(
      createUser({
        email: "second@example.test",
        name: "Sam Lee",
        role: "editor",
        password: "twelve chars ok",
        actor: "system",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await getDb().user.findUnique({ where: { email: "second@example.test" } })).toBeNull();
  });

  it("editors and contributors cannot create, deactivate, re-role or list users", async () => {
    const target = await createTestActor({ role: "contributor" });
    for (const role of ["editor", "contributor"] as const) {
      const actor = await createTestActor({ role });
      await expect(
        createUser({
          email: `x-${role}@example.test`,
          name: `X ${role}`,
          role: "admin",
          password: "twelve chars ok",
          actor,
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(deactivateUser({ userId: target.userId, actor })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(changeUserRole({ userId: target.userId, role: "admin", actor })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(listUsers({ actor })).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await getDb().user.findUnique({ where: { email: "x-editor@example.test" } })).toBeNull();
    expect(await getDb().user.findUniqueOrThrow({ where: { id: target.userId } })).toMatchObject({
      role: "contributor",
      active: true,
    });
  });

  it("rejects bad input with field errors and changes nothing", async () => {
    const admin = await createTestActor({ role: "admin" });
    const before = await getDb().user.count();
    await expect(
      createUser({
        email: "not-an-email",
        name: "Someone",
        role: "editor",
        password: "twelve chars ok",
        actor: admin,
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: [{ path: "email" }] },
    });
    await expect(
      createUser({
        email: "short@example.test",
        name: "Someone",
        role: "editor",
        password: "elevenchars",
        actor: admin,
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: [{ path: "password" }] },
    });
    await expect(
      createUser({
        email: "role@example.test",
        name: "Someone",
        role: "owner" as "admin",
        password: "twelve chars ok",
        actor: admin,
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    expect(await getDb().user.count()).toBe(before);
    expect(await getDb().contributor.count({ where: { name: "Someone" } })).toBe(0);
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    await createUser({
      email: "dup@example.test",
      name: "Dup One",
      role: "editor",
      password: "twelve chars ok",
      actor: "system",
    });
    await expect(
      createUser({
        email: "DUP@example.test",
        name: "Dup Two",
        role: "editor",
        password: "twelve chars ok",
        actor: "system",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await getDb().contributor.count({ where: { name: "Dup Two" } })).toBe(0);
  });

  it("deactivates and reactivates by email or id, and lists users without password hashes", async () => {
    const admin = await createTestActor({ role: "admin" });
    const editor = await createTestActor({ role: "editor" });
    const off = await deactivateUser({ email: editor.email, actor: admin });
    expect(off.active).toBe(false);
    expect(off.deactivatedAt).not.toBeNull();
    const on = await reactivateUser({ userId: editor.userId, actor: admin });
    expect(on).toMatchObject({ active: true, deactivatedAt: null });
    const listed = await listUsers({ actor: admin });
    expect(listed.map((user) => user.email)).toEqual(expect.arrayContaining([admin.email, editor.email]));
    expect(JSON.stringify(listed)).not.toContain("argon2");
  });

  it("keeps at least one active admin and stops admins deactivating themselves", async () => {
    await retireEarlierAdmins();
    const admin = await createTestActor({ role: "admin" });
    await expect(deactivateUser({ userId: admin.userId, actor: admin })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(deactivateUser({ userId: admin.userId, actor: "system" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      changeUserRole({ userId: admin.userId, role: "editor", actor: admin }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await getDb().user.findUniqueOrThrow({ where: { id: admin.userId } })).toMatchObject({
      role: "admin",
      active: true,
    });

    const second = await createTestActor({ role: "admin" });
    const demoted = await changeUserRole({ userId: admin.userId, role: "editor", actor: admin });
    expect(demoted.role).toBe("editor");
    await expect(
      changeUserRole({ userId: second.userId, role: "contributor", actor: second }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("two admins demoting each other at once cannot leave the newsroom without an admin", async () => {
    // Guards the race where both transactions count the other as the remaining admin.
    await retireEarlierAdmins();
    const [one, two] = [await createTestActor({ role: "admin" }), await createTestActor({ role: "admin" })];
    const results = await Promise.allSettled([
      changeUserRole({ userId: two.userId, role: "editor", actor: one }),
      changeUserRole({ userId: one.userId, role: "editor", actor: two }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().user.count({ where: { role: "admin", active: true } })).toBe(1);
  });

  // Guards issue 23: a keyboard walk such as qwertyuiopasdf was accepted; the estimate now runs in the worker pool.
  it("refuses a password too easy to guess beside its field, creating and changing nothing", async () => {
    const admin = await createTestActor({ role: "admin" });
    const attempt = createUser({
      email: "walk@example.test",
      name: "Walker Lane",
      role: "contributor",
      password: "qwertyuiopasdf",
      actor: admin,
    });
    await expect(attempt).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: [{ path: "password", message: expect.stringMatching(/too easy to guess/) }] },
    });
    expect(await getDb().user.count({ where: { email: "walk@example.test" } })).toBe(0);

    const person = await createUser({
      email: "jane.doe@example.test",
      name: "Jane Doe",
      role: "contributor",
      password: "ferry pier gull lantern",
      actor: admin,
    });
    await expect(
      setUserPassword({ userId: person.id, password: "JaneDoe2024!", actor: admin }),
    ).rejects.toMatchObject({
      details: { fields: [{ path: "password", message: expect.stringMatching(/personal/) }] },
    });
    const row = await getDb().user.findUniqueOrThrow({ where: { id: person.id } });
    expect(await verifyPassword({ hash: row.passwordHash, password: "ferry pier gull lantern" })).toBe(true);
  });

  it("answers not found for an unknown user", async () => {
    await expect(deactivateUser({ email: "nobody@example.test", actor: "system" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("an admin sets a new password; others cannot, and a too-short one changes nothing", async () => {
    const admin = await createTestActor({ role: "admin" });
    const editor = await createTestActor({ role: "editor" });
    const before = (await getDb().user.findUniqueOrThrow({ where: { id: editor.userId } })).passwordHash;
    await expect(
      setUserPassword({ userId: editor.userId, password: "short", actor: admin }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      setUserPassword({ userId: admin.userId, password: "editor takes over", actor: editor }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: editor.userId } })).passwordHash).toBe(
      before,
    );
    await setUserPassword({ userId: editor.userId, password: "a brand new password", actor: admin });
    const after = (await getDb().user.findUniqueOrThrow({ where: { id: editor.userId } })).passwordHash;
    expect(await verifyPassword({ hash: after, password: "a brand new password" })).toBe(true);
  });
});
