"use client";

/** Why the last save did not go through; an expired session gets a way to sign in again. */
export function SaveErrorNotice({
  error,
  slug,
}: {
  error: { code: string; message: string };
  slug: string | null;
}) {
  return (
    <div className="desk-notice desk-notice-bad" role="alert">
      <p>
        <strong>Not saved.</strong> {error.message}
      </p>
      {error.code === "unauthenticated" ? (
        // A new tab keeps this form as it is; the edits are also kept in this browser and offered back
        // after signing in.
        <a
          className="desk-button desk-button-small"
          href={`/signin?callbackUrl=${encodeURIComponent(slug ? `/desk/stories/${slug}` : "/desk/stories/new")}`}
          target="_blank"
          rel="noreferrer"
        >
          Sign in again (new tab)
        </a>
      ) : null}
    </div>
  );
}
