// The session carries only the user's id; role and status are read from the database per request.
import "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string };
  }
}
