/** What every 503 says when the database cannot be reached (API, forms, and scripts/serve.mjs for pages). */
export const databaseUnavailableMessage =
  "The database cannot be reached right now, so nothing was saved. Please try again in a moment.";

/** Seconds a client should wait before trying again (the Retry-After header of every 503). */
export const retryAfterSeconds = 5;
