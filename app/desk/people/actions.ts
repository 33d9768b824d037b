"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireActionActor } from "@/app/_auth/require-page-actor";
import { endUserSessions } from "@/lib/auth/sessions";
import { ChangeRoleInput, NewUserInput, SetPasswordInput, UserIdInput } from "@/lib/auth/user-input";
import {
  changeUserRole,
  createUser,
  deactivateUser,
  reactivateUser,
  setUserPassword,
  type UserDto,
} from "@/lib/auth/users";
import { formErrorState, type FormState } from "@/lib/errors/form-state";
import { parseInput } from "@/lib/validation/parse-input";

const SetActiveInput = z.object({
  userId: UserIdInput,
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});

function fields(formData: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries(formData.entries());
}

export async function addUserAction(
  _previous: FormState<UserDto>,
  formData: FormData,
): Promise<FormState<UserDto>> {
  try {
    const actor = await requireActionActor({ permission: "users:manage" });
    const input = parseInput({ schema: NewUserInput, input: fields(formData) });
    const user = await createUser({ ...input, actor });
    revalidatePath("/desk/people");
    return { status: "success", message: `${user.name} can now sign in as ${user.email}.`, result: user };
  } catch (error) {
    return formErrorState(error, { action: "addUser" });
  }
}

export async function changeRoleAction(
  _previous: FormState<UserDto>,
  formData: FormData,
): Promise<FormState<UserDto>> {
  try {
    const actor = await requireActionActor({ permission: "users:manage" });
    const input = parseInput({ schema: ChangeRoleInput, input: fields(formData) });
    const user = await changeUserRole({ ...input, actor });
    revalidatePath("/desk/people");
    return {
      status: "success",
      message: `${user.name} is now ${user.role === "contributor" ? "a" : "an"} ${user.role}.`,
      result: user,
    };
  } catch (error) {
    return formErrorState(error, { action: "changeRole" });
  }
}

export async function setActiveAction(
  _previous: FormState<UserDto>,
  formData: FormData,
): Promise<FormState<UserDto>> {
  try {
    const actor = await requireActionActor({ permission: "users:manage" });
    const input = parseInput({ schema: SetActiveInput, input: fields(formData) });
    const user = input.active
      ? await reactivateUser({ userId: input.userId, actor })
      : await deactivateUser({ userId: input.userId, actor });
    revalidatePath("/desk/people");
    return {
      status: "success",
      message: user.active
        ? `${user.name} can sign in again, with a fresh sign-in and new API tokens.`
        : `${user.name} is deactivated, signed out everywhere, and their API tokens are revoked.`,
      result: user,
    };
  } catch (error) {
    return formErrorState(error, { action: "setActive" });
  }
}

export async function setPasswordAction(
  _previous: FormState<UserDto>,
  formData: FormData,
): Promise<FormState<UserDto>> {
  try {
    const actor = await requireActionActor({ permission: "users:manage" });
    const input = parseInput({ schema: SetPasswordInput, input: fields(formData) });
    const user = await setUserPassword({ ...input, actor });
    return {
      status: "success",
      message: `New password set for ${user.name}. They are signed out everywhere; share it with them privately.`,
      result: user,
    };
  } catch (error) {
    return formErrorState(error, { action: "setPassword" });
  }
}

export async function endUserSessionsAction(
  _previous: FormState<number>,
  formData: FormData,
): Promise<FormState<number>> {
  try {
    const actor = await requireActionActor({ permission: "users:manage" });
    const input = parseInput({
      schema: z.object({ userId: UserIdInput }),
      input: { userId: formData.get("userId") },
    });
    const ended = await endUserSessions({ userId: input.userId, actor });
    return {
      status: "success",
      message:
        ended === 0
          ? "They were not signed in anywhere."
          : `Signed out of ${ended} ${ended === 1 ? "session" : "sessions"}.`,
      result: ended,
    };
  } catch (error) {
    return formErrorState(error, { action: "endUserSessions" });
  }
}
