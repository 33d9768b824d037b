-- Sign-in security (issue 23): second factors (authenticator-app codes, passkeys, recovery codes), sign-in steps
-- in progress, remembered devices, single sign-on identities, the second-factor policy and the audit of sign-in
-- events.

CREATE TYPE "AuthEventKind" AS ENUM (
    'sign_in', 'sign_in_failed', 'second_factor_failed', 'factor_added', 'factor_removed', 'factors_reset',
    'recovery_code_used', 'recovery_codes_created', 'sso_provisioned', 'sso_refused', 'device_refused',
    'security_policy_changed'
);

CREATE TYPE "SignInChallengePurpose" AS ENUM (
    'second_factor', 'passkey_sign_in', 'passkey_registration', 'totp_enrollment'
);

CREATE TABLE "auth_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "AuthEventKind" NOT NULL,
    "user_id" UUID,
    "actor_id" UUID,
    "email" TEXT,
    "method" TEXT,
    "client_address" TEXT NOT NULL DEFAULT 'unknown',
    "user_agent" TEXT NOT NULL DEFAULT '',
    "detail" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "auth_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "auth_events_at_idx" ON "auth_events"("at");
CREATE INDEX "auth_events_user_id_at_idx" ON "auth_events"("user_id", "at");
ALTER TABLE "auth_events" ADD CONSTRAINT "auth_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "auth_events" ADD CONSTRAINT "auth_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- The audit is history: never edited or deleted.
CREATE TRIGGER "auth_events_append_only" BEFORE UPDATE OR DELETE ON "auth_events"
    FOR EACH ROW EXECUTE FUNCTION copydesk_refuse_history_change();
CREATE TRIGGER "auth_events_no_truncate" BEFORE TRUNCATE ON "auth_events"
    FOR EACH STATEMENT EXECUTE FUNCTION copydesk_refuse_history_change();

CREATE TABLE "totp_factors" (
    "user_id" UUID NOT NULL,
    "secret_encrypted" TEXT NOT NULL,
    "last_used_step" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" TIMESTAMPTZ(3),
    CONSTRAINT "totp_factors_pkey" PRIMARY KEY ("user_id")
);
ALTER TABLE "totp_factors" ADD CONSTRAINT "totp_factors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "passkeys" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "credential_id" TEXT NOT NULL,
    "public_key" BYTEA NOT NULL,
    "counter" BIGINT NOT NULL,
    "transports" TEXT[] NOT NULL,
    "device_type" TEXT NOT NULL DEFAULT 'singleDevice',
    "backed_up" BOOLEAN NOT NULL DEFAULT false,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    CONSTRAINT "passkeys_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "passkeys_credential_id_key" ON "passkeys"("credential_id");
CREATE INDEX "passkeys_user_id_idx" ON "passkeys"("user_id");
ALTER TABLE "passkeys" ADD CONSTRAINT "passkeys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "recovery_codes" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "used_at" TIMESTAMPTZ(3),
    CONSTRAINT "recovery_codes_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "recovery_codes_user_id_code_hash_key" ON "recovery_codes"("user_id", "code_hash");
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "sign_in_challenges" (
    "id" UUID NOT NULL,
    "purpose" "SignInChallengePurpose" NOT NULL,
    "user_id" UUID,
    "webauthn_challenge" TEXT,
    "client_address" TEXT NOT NULL DEFAULT 'unknown',
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "consumed_at" TIMESTAMPTZ(3),
    CONSTRAINT "sign_in_challenges_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sign_in_challenges_expires_at_idx" ON "sign_in_challenges"("expires_at");
ALTER TABLE "sign_in_challenges" ADD CONSTRAINT "sign_in_challenges_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "remembered_devices" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "remembered_devices_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "remembered_devices_user_id_idx" ON "remembered_devices"("user_id");
ALTER TABLE "remembered_devices" ADD CONSTRAINT "remembered_devices_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "sso_identities" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_sign_in_at" TIMESTAMPTZ(3),
    CONSTRAINT "sso_identities_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sso_identities_issuer_subject_key" ON "sso_identities"("issuer", "subject");
CREATE INDEX "sso_identities_user_id_idx" ON "sso_identities"("user_id");
ALTER TABLE "sso_identities" ADD CONSTRAINT "sso_identities_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "security_policy" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "second_factor_roles" "Role"[] NOT NULL,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "security_policy_pkey" PRIMARY KEY ("id")
);
ALTER TABLE "security_policy" ADD CONSTRAINT "security_policy_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- New installations require a second factor of admins and editors. An installation that already has people keeps
-- signing in as before until an admin turns the requirement on (People page): nobody is surprised mid-shift.
INSERT INTO "security_policy" ("id", "second_factor_roles")
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM "users") THEN ARRAY[]::"Role"[] ELSE ARRAY['admin', 'editor']::"Role"[] END;
