-- Secrets every instance on this database must agree on, created once by whichever instance starts first
-- (scripts/start/shared-secret.ts): today the session-signing secret when NEXTAUTH_SECRET is not configured.
CREATE TABLE "shared_secrets" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP NOT NULL,

    CONSTRAINT "shared_secrets_pkey" PRIMARY KEY ("name")
);
