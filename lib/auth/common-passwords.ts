import { dictionary } from "@zxcvbn-ts/language-common";

let common: ReadonlySet<string> | undefined;

/**
 * Whether a password is on zxcvbn-ts's list of the ~49,000 most common passwords (shipped in the package, so
 * the check works offline), as OWASP ASVS asks. Case and spacing do not rescue one: "Password Password"
 * counts as "passwordpassword".
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"]);
  const folded = password.toLowerCase();
  return common.has(folded) || common.has(folded.replace(/\s+/g, ""));
}
