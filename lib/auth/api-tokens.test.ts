import pg from "pg";
import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";

import {
  authenticateApiToken,
  createApiToken,
  listAllApiTokens,
  listApiTokens,
  revokeApiToken,
} from "./api-tokens";
import { createTestActor } from "./test-actors";
import { deactivateUser } from "./users";

describe("api tokens", () => {
  it("a created token authenticates as its owner with the owner's current role", async () => {
    const editor = await createTestActor({ role: "editor" });
    const created = await createApiToken({ name: "CMS sync", actor: editor });
    expect(created.token).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(await authenticateApiToken({ token: created.token })).toEqual({ ...editor, via: "token" });
    await getDb().user.update({ where: { id: editor.userId }, data: { role: "contributor" } });
    expect((await authenticateApiToken({ token: created.token }))?.role).toBe("contributor");
  });

  it("stores only a hash: the plaintext token appears nowhere in the database", async () => {
    const editor = await createTestActor({ role: "editor" });
    const { token } = await createApiToken({ name: "Search for plaintext", actor: editor });
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const secretPart = token.slice(12);
      const { rows } = await client.query<{ hits: number }>(
        "SELECT count(*)::int AS hits FROM api_tokens t WHERE t::text LIKE '%' || $1 || '%'",
        [secretPart],
      );
      expect(rows[0]?.hits).toBe(0);
      const { rows: stored } = await client.query<{ token_hash: string }>(
        "SELECT token_hash FROM api_tokens WHERE name = 'Search for plaintext'",
      );
      expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await client.end();
    }
  });

  it("refuses revoked tokens, tokens of deactivated users, and made-up tokens", async () => {
    const owner = await createTestActor({ role: "contributor" });
    const revoked = await createApiToken({ name: "old", actor: owner });
    await revokeApiToken({ id: revoked.id, actor: owner });
    expect(await authenticateApiToken({ token: revoked.token })).toBeNull();

    const live = await createApiToken({ name: "live", actor: owner });
    expect(await authenticateApiToken({ token: live.token })).not.toBeNull();
    await deactivateUser({ userId: owner.userId, actor: "system" });
    expect(await authenticateApiToken({ token: live.token })).toBeNull();

    expect(await authenticateApiToken({ token: "cdk_" + "A".repeat(43) })).toBeNull();
    expect(await authenticateApiToken({ token: "" })).toBeNull();
  });

  it("records last use, at most once a minute", async () => {
    const owner = await createTestActor({ role: "editor" });
    const { id, token } = await createApiToken({ name: "usage", actor: owner });
    await authenticateApiToken({ token });
    const first = (await getDb().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await authenticateApiToken({ token });
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
    await getDb().apiToken.update({ where: { id }, data: { lastUsedAt: new Date(Date.now() - 120_000) } });
    await authenticateApiToken({ token });
    expect(
      (await getDb().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt!.getTime(),
    ).toBeGreaterThan(Date.now() - 60_000);
  });

  it("lists only the actor's own tokens, without hashes", async () => {
    const [one, two] = [await createTestActor({ role: "editor" }), await createTestActor({ role: "editor" })];
    await createApiToken({ name: "mine", actor: one });
    await createApiToken({ name: "theirs", actor: two });
    const listed = await listApiTokens({ actor: one });
    expect(listed.map((token) => token.name)).toEqual(["mine"]);
    expect(Object.keys(listed[0]!)).toEqual(["id", "name", "prefix", "createdAt", "lastUsedAt", "revokedAt"]);
  });

  it("a user cannot create a token for someone else, nor revoke someone else's token", async () => {
    const [owner, other] = [
      await createTestActor({ role: "editor" }),
      await createTestActor({ role: "editor" }),
    ];
    await expect(
      createApiToken({ userId: owner.userId, name: "sneaky", actor: other }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const { id, token } = await createApiToken({ name: "kept", actor: owner });
    await expect(revokeApiToken({ id, actor: other })).rejects.toMatchObject({ code: "not_found" });
    expect(await authenticateApiToken({ token })).not.toBeNull();
    expect(await getDb().apiToken.count({ where: { name: "sneaky" } })).toBe(0);
  });

  it("admins and the command line may revoke anyone's token", async () => {
    const [owner, admin] = [
      await createTestActor({ role: "contributor" }),
      await createTestActor({ role: "admin" }),
    ];
    const first = await createApiToken({ name: "one", actor: owner });
    const second = await createApiToken({ email: owner.email, name: "two", actor: "system" });
    expect((await revokeApiToken({ id: first.id, actor: admin })).revokedAt).not.toBeNull();
    expect((await revokeApiToken({ id: second.id, actor: "system" })).revokedAt).not.toBeNull();
    expect(await authenticateApiToken({ token: second.token })).toBeNull();
  });

  it("rejects a blank token name and changes nothing", async () => {
    const owner = await createTestActor({ role: "editor" });
    await expect(createApiToken({ name: "   ", actor: owner })).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: [{ path: "name" }] },
    });
    expect(await getDb().apiToken.count({ where: { userId: owner.userId } })).toBe(0);
  });
});

describe("everyone's tokens", () => {
  it("admins and the command line list every token with its owner, never a hash", async () => {
    // Guards issue 9.8: admins could see and revoke only their own tokens.
    const [admin, editor] = [
      await createTestActor({ role: "admin" }),
      await createTestActor({ role: "editor" }),
    ];
    const made = await createApiToken({ name: "Wire importer", actor: editor });
    const listed = await listAllApiTokens({ actor: admin });
    const row = listed.find((token) => token.id === made.id);
    expect(row).toMatchObject({
      name: "Wire importer",
      prefix: made.prefix,
      lastUsedAt: null,
      revokedAt: null,
      owner: { id: editor.userId, email: editor.email, name: editor.name },
    });
    expect(JSON.stringify(listed)).not.toMatch(/token_?hash|[0-9a-f]{64}/i);
    expect(
      (await listAllApiTokens({ actor: "system", email: editor.email })).map((token) => token.id),
    ).toEqual([made.id]);
    await revokeApiToken({ id: made.id, actor: admin });
    expect(await authenticateApiToken({ token: made.token })).toBeNull();
  });

  it("editors and contributors cannot list other people's tokens", async () => {
    for (const role of ["editor", "contributor"] as const) {
      await expect(listAllApiTokens({ actor: await createTestActor({ role }) })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
  });
});
