import { signOutAction } from "./sign-out-action";

/** A plain form posting to a server action: signing out needs no client JavaScript. */
export function SignOutButton() {
  return (
    <form action={signOutAction} className="sign-out-form">
      <button type="submit" className="sign-out-button">
        Sign out
      </button>
    </form>
  );
}
