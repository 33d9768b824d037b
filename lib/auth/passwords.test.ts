import { describe, expect, it } from "vitest";

import { hashPassword, passwordHashPrefix, verifyDummyPassword, verifyPassword } from "./passwords";

describe("passwords", () => {
  it("hashes with argon2id at the OWASP parameters and a fresh salt each time", async () => {
    const first = await hashPassword({ password: "correct horse battery" });
    const second = await hashPassword({ password: "correct horse battery" });
    expect(first.startsWith(passwordHashPrefix)).toBe(true);
    expect(first).not.toBe(second);
    expect(first).not.toContain("correct horse battery");
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword({ password: "correct horse battery" });
    expect(await verifyPassword({ hash, password: "correct horse battery" })).toBe(true);
    expect(await verifyPassword({ hash, password: "correct horse batterY" })).toBe(false);
  });

  it("treats a malformed stored hash as a mismatch instead of throwing", async () => {
    expect(await verifyPassword({ hash: "not-a-hash", password: "anything at all" })).toBe(false);
  });

  it("dummy verification never succeeds", async () => {
    expect(await verifyDummyPassword({ password: "copydesk-timing-equaliser-not-a-password" })).toBe(false);
  });
});
