import { z } from "zod";

import { Role } from "@/lib/db/generated/enums";
import { nameInput } from "@/lib/validation/text-rules";

import { isCommonPassword } from "./common-passwords";

export const roles = [Role.admin, Role.editor, Role.contributor] as const;

export const EmailInput = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address" }).max(254, { error: "Email is too long" }));

// OWASP ASVS: at least 12 characters, no composition rules, a generous maximum, and none of the common ones.
// Spaces count (passphrases), but a password of nothing else is refused.
export const PasswordInput = z
  .string()
  .min(12, { error: "Password must be at least 12 characters" })
  .max(256, { error: "Password must be at most 256 characters" })
  // A too-short password gets only the length message: one reason at a time.
  .refine((password) => password.length < 12 || password.trim() !== "", {
    error: "Password cannot be only spaces",
  })
  .refine((password) => password.length < 12 || !isCommonPassword(password), {
    error: "This password is on a list of commonly used passwords. Choose another one.",
  });
// How guessable it is (keyboard walks, repeats, dates, the person's own name) is estimated by the services that
// set a password, off the event loop: the estimator costs tens of milliseconds on crafted input
// (lib/auth/password-strength.ts, users.ts).

/** The name a user is credited under (NFC, so it matches the contributor typed either way). */
export const UserNameInput = nameInput({
  max: 120,
  required: "Enter a name",
  tooLong: "Name must be at most 120 characters",
});

export const RoleInput = z.enum(roles, { error: "Choose admin, editor or contributor" });

export const NewUserInput = z.object({
  email: EmailInput,
  name: UserNameInput,
  role: RoleInput,
  password: PasswordInput,
});
export type NewUserInput = z.infer<typeof NewUserInput>;

export const UserIdInput = z.uuid({ error: "Unknown user" });

/** A user is named by id (desk) or by email (command line). */
export const UserRefInput = z.union([z.object({ userId: UserIdInput }), z.object({ email: EmailInput })]);
export type UserRefInput = z.infer<typeof UserRefInput>;

export const ChangeRoleInput = z.object({ userId: UserIdInput, role: RoleInput });
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;

export const SetPasswordInput = z.object({ userId: UserIdInput, password: PasswordInput });
export type SetPasswordInput = z.infer<typeof SetPasswordInput>;

/** A user changing their own password: the current one proves it is them, not someone at an unlocked desk. */
export const ChangeOwnPasswordInput = z
  .object({
    currentPassword: z
      .string()
      .min(1, { error: "Enter your current password" })
      .max(256, { error: "Enter your current password" }),
    newPassword: PasswordInput,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    error: "The two new passwords do not match",
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    error: "Choose a password different from the current one",
  });
export type ChangeOwnPasswordInput = z.infer<typeof ChangeOwnPasswordInput>;
