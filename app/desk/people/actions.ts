"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { actionOrigin } from "@/app/_support/action-origin";
import { deskFormAction } from "@/app/_support/desk-action";
import { endUserSessions } from "@/lib/auth/sessions";
import { ChangeRoleInput, NewUserInput, SetPasswordInput, UserIdInput } from "@/lib/auth/user-input";
import {
  changeUserRole,
  createUser,
  deactivateUser,
  reactivateUser,
  setUserPassword,
} from "@/lib/auth/users";

const SetActiveInput = z.object({
  userId: UserIdInput,
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const addUserAction = deskFormAction({
  name: "addUser",
  permission: "users:manage",
  input: NewUserInput,
  run: async ({ actor, input }) => {
    const user = await createUser({ ...input, actor, clientAddress: (await actionOrigin()).clientAddress });
    revalidatePath("/desk/people");
    return { status: "success", message: `${user.name} can now sign in as ${user.email}.`, result: user };
  },
});

export const changeRoleAction = deskFormAction({
  name: "changeRole",
  permission: "users:manage",
  input: ChangeRoleInput,
  run: async ({ actor, input }) => {
    const user = await changeUserRole({
      ...input,
      actor,
      clientAddress: (await actionOrigin()).clientAddress,
    });
    revalidatePath("/desk/people");
    return {
      status: "success",
      message: `${user.name} is now ${user.role === "contributor" ? "a" : "an"} ${user.role}.`,
      result: user,
    };
  },
});

export const setActiveAction = deskFormAction({
  name: "setActive",
  permission: "users:manage",
  input: SetActiveInput,
  run: async ({ actor, input }) => {
    const { clientAddress } = await actionOrigin();
    const user = input.active
      ? await reactivateUser({ userId: input.userId, actor, clientAddress })
      : await deactivateUser({ userId: input.userId, actor, clientAddress });
    revalidatePath("/desk/people");
    return {
      status: "success",
      message: user.active
        ? `${user.name} can sign in again, with a fresh sign-in and new API tokens.`
        : `${user.name} is deactivated, signed out everywhere, and their API tokens are revoked.`,
      result: user,
    };
  },
});

export const setPasswordAction = deskFormAction({
  name: "setPassword",
  permission: "users:manage",
  input: SetPasswordInput,
  run: async ({ actor, input }) => {
    const user = await setUserPassword({
      ...input,
      actor,
      clientAddress: (await actionOrigin()).clientAddress,
    });
    return {
      status: "success",
      message: `New password set for ${user.name}. They are signed out everywhere; share it with them privately.`,
      result: user,
    };
  },
});

export const endUserSessionsAction = deskFormAction({
  name: "endUserSessions",
  permission: "users:manage",
  input: z.object({ userId: UserIdInput }),
  fields: ["userId"],
  run: async ({ actor, input }) => {
    const ended = await endUserSessions({
      userId: input.userId,
      actor,
      clientAddress: (await actionOrigin()).clientAddress,
    });
    return {
      status: "success",
      message:
        ended === 0
          ? "They were not signed in anywhere."
          : `Signed out of ${ended} ${ended === 1 ? "session" : "sessions"}.`,
      result: ended,
    };
  },
});
