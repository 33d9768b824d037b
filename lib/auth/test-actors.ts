import type { Role } from "@/lib/db/generated/enums";

import type { Actor } from "./actor";
import { createUser } from "./users";

/** A real user in the test database, and the actor a session of theirs would carry. */
export async function createTestActor(options: {
  role: Role;
  email?: string;
  name?: string;
  password?: string;
}): Promise<Actor> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const user = await createUser({
    email: options.email ?? `${options.role}-${suffix}@example.test`,
    name: options.name ?? `${options.role} ${suffix}`,
    role: options.role,
    password: options.password ?? "a long enough password",
    actor: "system",
  });
  return { userId: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
}
