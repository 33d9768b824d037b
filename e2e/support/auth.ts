import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

import { createUser } from "@/lib/auth/users";
import type { Role } from "@/lib/db/generated/enums";

export type E2eUser = { id: string; email: string; name: string; role: Role; password: string };

/**
 * A fresh account for one test (call useE2eDatabase() first). Unique emails and names keep parallel specs
 * apart.
 */
export async function seedUser(options: { role: Role; name?: string; password?: string }): Promise<E2eUser> {
  const suffix = randomBytes(4).toString("hex");
  const password = options.password ?? `e2e password ${suffix}`;
  const user = await createUser({
    email: `${options.role}-${suffix}@e2e.test`,
    name: options.name ?? `${options.role[0]!.toUpperCase()}${options.role.slice(1)} ${suffix}`,
    role: options.role,
    password,
    actor: "system",
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, password };
}

/**
 * Signs in through next-auth's own endpoints (no UI), leaving the session cookie in the request's browser
 * context.
 */
export async function signInByApi(options: {
  request: APIRequestContext;
  email: string;
  password: string;
}): Promise<void> {
  const csrf = await options.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await options.request.post("/api/auth/callback/credentials", {
    form: { email: options.email, password: options.password, csrfToken, json: "true", callbackUrl: "/desk" },
  });
  const body = (await response.json()) as { url: string };
  expect(new URL(body.url).searchParams.get("error"), `sign-in as ${options.email}`).toBeNull();
}

/** Signs in through the sign-in page, as a person would. */
export async function signInByForm(options: {
  page: Page;
  email: string;
  password: string;
  callbackPath?: string;
}): Promise<void> {
  const target = options.callbackPath
    ? `/signin?callbackUrl=${encodeURIComponent(options.callbackPath)}`
    : "/signin";
  await options.page.goto(target);
  await options.page.getByLabel("Email").fill(options.email);
  await options.page.getByLabel("Password").fill(options.password);
  await options.page.getByRole("button", { name: "Sign in", exact: true }).click();
}
