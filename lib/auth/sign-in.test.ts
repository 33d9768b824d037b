import { describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { signInWithPassword } from "./sign-in";
import { signInLimitPolicy } from "./sign-in-limits";
import { createTestActor } from "./test-actors";
import { deactivateUser } from "./users";

const password = "a long enough password";

async function failTimes(options: { email: string; clientAddress: string; times: number }) {
  const results = [];
  for (let attempt = 0; attempt < options.times; attempt += 1) {
    results.push(await signInWithPassword({ email: options.email, password: "wrong password!", clientAddress: options.clientAddress }));
  }
  return results;
}

describe("sign-in with password", () => {
  it("signs in with the right password, whatever the email's case", async () => {
    const editor = await createTestActor({ role: "editor" });
    expect(await signInWithPassword({ email: editor.email.toUpperCase(), password, clientAddress: "198.51.100.1" })).toEqual({ ok: true, userId: editor.userId });
  });

  it("answers a wrong password and an unknown email alike", async () => {
    const editor = await createTestActor({ role: "editor" });
    expect(await signInWithPassword({ email: editor.email, password: "not the password", clientAddress: "198.51.100.2" })).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword({ email: "nobody@example.test", password: "not the password", clientAddress: "198.51.100.2" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("says a deactivated account is deactivated only to someone who knows its password", async () => {
    const editor = await createTestActor({ role: "editor" });
    await deactivateUser({ userId: editor.userId, actor: "system" });
    expect(await signInWithPassword({ email: editor.email, password, clientAddress: "198.51.100.3" })).toEqual({ ok: false, reason: "deactivated" });
    expect(await signInWithPassword({ email: editor.email, password: "not the password", clientAddress: "198.51.100.3" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account at one address after 5 failures, even for the right password, but not elsewhere", async () => {
    const editor = await createTestActor({ role: "editor" });
    const results = await failTimes({ email: editor.email, clientAddress: "198.51.100.4", times: signInLimitPolicy.accountAddress.points });
    expect(results.slice(0, -1).every((result) => !result.ok && result.reason === "invalid")).toBe(true);
    expect(results.at(-1)).toEqual({ ok: false, reason: "locked", retryAfterMinutes: 15 });
    expect(await signInWithPassword({ email: editor.email, password, clientAddress: "198.51.100.4" })).toMatchObject({ ok: false, reason: "locked" });
    expect(await signInWithPassword({ email: editor.email, password, clientAddress: "198.51.100.5" })).toEqual({ ok: true, userId: editor.userId });
  });

  it("a successful sign-in resets the account's failure count", async () => {
    const editor = await createTestActor({ role: "editor" });
    await failTimes({ email: editor.email, clientAddress: "198.51.100.6", times: signInLimitPolicy.accountAddress.points - 1 });
    expect(await signInWithPassword({ email: editor.email, password, clientAddress: "198.51.100.6" })).toMatchObject({ ok: true });
    const again = await failTimes({ email: editor.email, clientAddress: "198.51.100.6", times: signInLimitPolicy.accountAddress.points - 1 });
    expect(again.every((result) => !result.ok && result.reason === "invalid")).toBe(true);
  });

  it("locks an address that sprays many accounts, without locking those accounts elsewhere", async () => {
    const editor = await createTestActor({ role: "editor" });
    const sprayer = "203.0.113.9";
    for (let attempt = 0; attempt < signInLimitPolicy.address.points; attempt += 1) {
      await signInWithPassword({ email: `guess-${attempt}@example.test`, password: "wrong password!", clientAddress: sprayer });
    }
    expect(await signInWithPassword({ email: editor.email, password, clientAddress: sprayer })).toMatchObject({ ok: false, reason: "locked" });
    expect(await signInWithPassword({ email: editor.email, password, clientAddress: "203.0.113.10" })).toMatchObject({ ok: true });
  });

  it("caps guesses at one account spread over many addresses", async () => {
    const editor = await createTestActor({ role: "editor" });
    for (let attempt = 0; attempt < signInLimitPolicy.account.points; attempt += 1) {
      await signInWithPassword({ email: editor.email, password: "wrong password!", clientAddress: `192.0.2.${attempt + 1}` });
    }
    expect(await signInWithPassword({ email: editor.email, password, clientAddress: "192.0.2.200" })).toMatchObject({ ok: false, reason: "locked" });
  });

  it("counts unknown emails like known ones, so a lock-out does not reveal whether an account exists", async () => {
    const results = await failTimes({ email: "ghost@example.test", clientAddress: "198.51.100.7", times: signInLimitPolicy.accountAddress.points + 1 });
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "locked" });
  });

  it("parallel guesses cannot slip past the limit", async () => {
    // Guards against check-then-count races: points are taken before the password is verified.
    const editor = await createTestActor({ role: "editor" });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => signInWithPassword({ email: editor.email, password: "wrong password!", clientAddress: "198.51.100.8" })),
    );
    expect(results.filter((result) => !result.ok && result.reason === "invalid").length).toBeLessThan(signInLimitPolicy.accountAddress.points);
    const stored = await getDb().signInLimit.count();
    expect(stored).toBeGreaterThan(0);
  });
});
