import type { Role } from "@/lib/db/generated/enums";

/** Who is acting: always derived from the session or an API token on the server, never from client input. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  via: "session" | "token" | "schedule";
  /** The server-side session behind a signed-in browser (via "session"), so it can be kept or ended. */
  sessionId?: string;
};
