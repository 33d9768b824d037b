import pg from "pg";
import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";

import { signInWithPassword } from "./sign-in";
import { signInLimitPolicy, waitSecondsAfter } from "./sign-in-limits";
import { createTestActor } from "./test-actors";
import { deactivateUser } from "./users";

const password = "a long enough password";
const free = signInLimitPolicy.accountAddress.freeFailures;

async function failTimes(options: { email: string; clientAddress: string; times: number }) {
  const results = [];
  for (let attempt = 0; attempt < options.times; attempt += 1) {
    results.push(
      await signInWithPassword({
        email: options.email,
        password: "wrong password!",
        clientAddress: options.clientAddress,
      }),
    );
  }
  return results;
}

/** Lets every pending wait run out, as if the person had waited (rows of this test file's own database). */
async function letWaitsRunOut(): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("UPDATE sign_in_limits SET expire = 0 WHERE key LIKE 'pace:%'");
  } finally {
    await client.end();
  }
}

describe("sign-in with password", () => {
  it("signs in with the right password, whatever the email's case", async () => {
    const editor = await createTestActor({ role: "editor" });
    expect(
      await signInWithPassword({
        email: editor.email.toUpperCase(),
        password,
        clientAddress: "198.51.100.1",
      }),
    ).toEqual({ ok: true, userId: editor.userId });
  });

  it("answers a wrong password and an unknown email alike", async () => {
    const editor = await createTestActor({ role: "editor" });
    expect(
      await signInWithPassword({
        email: editor.email,
        password: "not the password",
        clientAddress: "198.51.100.2",
      }),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(
      await signInWithPassword({
        email: "nobody@example.test",
        password: "not the password",
        clientAddress: "198.51.100.2",
      }),
    ).toEqual({ ok: false, reason: "invalid" });
  });

  it("says a deactivated account is deactivated only to someone who knows its password", async () => {
    const editor = await createTestActor({ role: "editor" });
    await deactivateUser({ userId: editor.userId, actor: "system" });
    expect(
      await signInWithPassword({ email: editor.email, password, clientAddress: "198.51.100.3" }),
    ).toEqual({ ok: false, reason: "deactivated" });
    expect(
      await signInWithPassword({
        email: editor.email,
        password: "not the password",
        clientAddress: "198.51.100.3",
      }),
    ).toEqual({ ok: false, reason: "invalid" });
  });

  it("after the free failures, slows the account down at that address, even for the right password, but not elsewhere", async () => {
    const editor = await createTestActor({ role: "editor" });
    const results = await failTimes({ email: editor.email, clientAddress: "198.51.100.4", times: free });
    expect(results.every((result) => !result.ok && result.reason === "invalid")).toBe(true);
    expect(
      await signInWithPassword({ email: editor.email, password, clientAddress: "198.51.100.4" }),
    ).toEqual({ ok: false, reason: "slowed", retryAfterSeconds: 30 });
    expect(
      await signInWithPassword({ email: editor.email, password, clientAddress: "198.51.100.5" }),
    ).toEqual({ ok: true, userId: editor.userId });
  });

  it("each further failure doubles the wait, up to 15 minutes, and the right password after waiting signs in", async () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(waitSecondsAfter)).toEqual([30, 60, 120, 240, 480, 900, 900]);
    const editor = await createTestActor({ role: "editor" });
    await failTimes({ email: editor.email, clientAddress: "198.51.100.9", times: free });
    await letWaitsRunOut();
    expect(
      await signInWithPassword({
        email: editor.email,
        password: "still wrong!!",
        clientAddress: "198.51.100.9",
      }),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(
      await signInWithPassword({ email: editor.email, password, clientAddress: "198.51.100.9" }),
    ).toMatchObject({ reason: "slowed", retryAfterSeconds: 60 });
    await letWaitsRunOut();
    expect(
      await signInWithPassword({ email: editor.email, password, clientAddress: "198.51.100.9" }),
    ).toEqual({ ok: true, userId: editor.userId });
    // Signing in clears the count: the next typo is free again.
    expect(
      await signInWithPassword({
        email: editor.email,
        password: "a typo here!",
        clientAddress: "198.51.100.9",
      }),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(
      await signInWithPassword({ email: editor.email, password, clientAddress: "198.51.100.9" }),
    ).toMatchObject({ ok: true });
  });

  it("strangers failing from many addresses never stop the real user at their own address", async () => {
    // Guards issue 9.3: 30 failures an hour from anywhere used to lock the account against its right
    // password.
    const editor = await createTestActor({ role: "editor" });
    for (let stranger = 1; stranger <= 40; stranger += 1) {
      await signInWithPassword({
        email: editor.email,
        password: "wrong password!",
        clientAddress: `192.0.2.${stranger}`,
      });
    }
    await failTimes({ email: editor.email, clientAddress: "192.0.2.250", times: free + 3 });
    expect(
      await signInWithPassword({ email: editor.email, password, clientAddress: "203.0.113.77" }),
    ).toEqual({ ok: true, userId: editor.userId });
  });

  it("locks an address that sprays many accounts, without locking those accounts elsewhere", async () => {
    const editor = await createTestActor({ role: "editor" });
    const sprayer = "203.0.113.9";
    for (let attempt = 0; attempt < signInLimitPolicy.address.points; attempt += 1) {
      await signInWithPassword({
        email: `guess-${attempt}@example.test`,
        password: "wrong password!",
        clientAddress: sprayer,
      });
    }
    expect(await signInWithPassword({ email: editor.email, password, clientAddress: sprayer })).toMatchObject(
      { ok: false, reason: "locked" },
    );
    expect(
      await signInWithPassword({ email: editor.email, password, clientAddress: "203.0.113.10" }),
    ).toMatchObject({ ok: true });
  });

  it("counts unknown emails like known ones, so a slowdown does not reveal whether an account exists", async () => {
    const results = await failTimes({
      email: "ghost@example.test",
      clientAddress: "198.51.100.7",
      times: free + 1,
    });
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "slowed" });
  });

  it("parallel guesses cannot slip past the slowdown", async () => {
    // Guards against check-then-count races: attempts are counted before the password is verified.
    const editor = await createTestActor({ role: "editor" });
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        signInWithPassword({
          email: editor.email,
          password: "wrong password!",
          clientAddress: "198.51.100.8",
        }),
      ),
    );
    expect(results.filter((result) => !result.ok && result.reason === "invalid").length).toBeLessThanOrEqual(
      free + 1,
    );
    expect(results.filter((result) => !result.ok && result.reason === "slowed").length).toBeGreaterThan(0);
    expect(await getDb().signInLimit.count()).toBeGreaterThan(0);
  });
});
