import type { Role } from "@/lib/db/generated/enums";

/** Who is acting: always derived from the session or an API token on the server, never from client input. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** "command_line": `npm run cli -- … --as EMAIL`, acting as that person (lib/auth/load-actor.ts). */
  via: "session" | "token" | "schedule" | "command_line";
  /** The server-side session behind a signed-in browser (via "session"), so it can be kept or ended. */
  sessionId?: string;
  /**
   * An enrollment-only session: the newsroom requires a second factor of this role and the person has none yet,
   * so they may only set one up (lib/auth/permissions.ts). Set by loadActiveActor.
   */
  secondFactorSetupRequired?: boolean;
};
