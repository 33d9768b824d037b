import { describe, expect, it } from "vitest";

import { readEnv } from "@/lib/env";

import { passwordStrengthIssue } from "./password-strength";
import { PasswordInput } from "./user-input";

/** What a person setting this password is told: the schema's rules first, then the strength estimate. */
function passwordMessage(password: string): string | undefined {
  const parsed = PasswordInput.safeParse(password);
  return parsed.error?.issues[0]?.message ?? passwordStrengthIssue({ password }) ?? undefined;
}

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

  // Guards issue 23: the check only looked for dictionary entries, and the keyboard walk qwertyuiopasdf passed.
  it.each([
    ["a keyboard walk", "qwertyuiopasdf", /too easy to guess\. .*common/],
    [
      "a keyboard row with symbols",
      "asdfghjkl;'#",
      /Straight rows of keys on your keyboard are easy to guess\./,
    ],
    ["a repeat", "abcabcabcabcabc", /Repeated character patterns like "abcabcabc" are easy to guess\./],
    ["a repeated year", "19841984198419", /Repeated character patterns/],
    ["a date", "04/07/1976!!", /Dates are easy to guess\./],
  ])("refuses %s with the estimator's own hint", (_name, password, hint) => {
    const message = passwordMessage(password);
    expect(message).toMatch(/^This password is too easy to guess\. /);
    expect(message).toMatch(hint);
  });

  it("accepts strong passphrases", () => {
    expect(passwordMessage("correct horse battery staple")).toBeUndefined();
    expect(passwordMessage("ferry pier gull lantern")).toBeUndefined();
    expect(passwordMessage("e2e password 0a1b2c3d4e5f")).toBeUndefined();
  });

  it("refuses a password built from the person's own name and email", () => {
    const person = { email: "jane.doe@example.test", name: "Jane Doe" };
    expect(passwordStrengthIssue({ ...person, password: "JaneDoe2024!" })).toMatch(
      /too easy to guess\. There should not be any personal/,
    );
    // The same password for someone else is not built from their name.
    expect(
      passwordStrengthIssue({ email: "ben@example.test", name: "Ben Okafor", password: "JaneDoe2024!x" }),
    ).toBeNull();
  });

  it("scores only the first 64 characters, so a long crafted password costs no more than that", () => {
    // The tail would make it strong, but the scored part is a keyboard row repeated: the cap is real.
    expect(passwordMessage(`${"asdfghjkl".repeat(8)}${"x7Q!pz#Lm2".repeat(10)}`)).toMatch(
      /too easy to guess/,
    );
  });

  it("holds ADMIN_PASSWORD to the strength check too", () => {
    expect(() => readEnv({ source: { ADMIN_PASSWORD: "qwertyuiopasdf" } })).toThrow(
      /ADMIN_PASSWORD is too easy to guess: /,
    );
  });
});
