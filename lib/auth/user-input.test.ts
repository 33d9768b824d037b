import { describe, expect, it } from "vitest";

import { readEnv } from "@/lib/env";

import { PasswordInput } from "./user-input";

describe("password rules", () => {
  it.each([
    ["twelve spaces", " ".repeat(12)],
    ["tabs and spaces", "\t \t \t \t \t \t "],
    ["passwordpassword", "passwordpassword"],
    ["123456789012", "123456789012"],
    ["a common one in capitals", "PASSWORDPASSWORD"],
    ["a common one with spaces", "password password"],
  ])("refuses %s", (_name, password) => {
    // Guards issue 9.4: twelve spaces, passwordpassword and 123456789012 were accepted, and the spaces signed
    // in.
    expect(PasswordInput.safeParse(password).success).toBe(false);
  });

  it("accepts a passphrase, spaces and all", () => {
    expect(PasswordInput.safeParse("ferry pier gull lantern").success).toBe(true);
    expect(PasswordInput.safeParse("  leading spaces are fine too").success).toBe(true);
  });

  it("says why, in words", () => {
    expect(PasswordInput.safeParse("passwordpassword").error?.issues[0]?.message).toBe(
      "This password is on a list of commonly used passwords. Choose another one.",
    );
    expect(PasswordInput.safeParse(" ".repeat(12)).error?.issues[0]?.message).toBe(
      "Password cannot be only spaces",
    );
  });

  it("holds ADMIN_PASSWORD to the same rules", () => {
    expect(() => readEnv({ source: { ADMIN_PASSWORD: "passwordpassword" } })).toThrow(
      /ADMIN_PASSWORD is a commonly used password/,
    );
    // A blank ADMIN_PASSWORD line means "not set": a password is then generated, never twelve spaces.
    expect(readEnv({ source: { ADMIN_PASSWORD: " ".repeat(14) } }).ADMIN_PASSWORD).toBeUndefined();
    expect(
      readEnv({
        source: { ADMIN_PASSWORD: "ferry pier gull lantern", ADMIN_EMAIL: " Chief@Newsroom.Example " },
      }),
    ).toMatchObject({ ADMIN_EMAIL: "chief@newsroom.example" });
  });
});
