import { describe, expect, it } from "vitest";

import { ConfigError, readEnv } from "./env";

describe("readEnv", () => {
  it("applies the documented defaults to an empty environment", () => {
    expect(readEnv({ source: {} })).toEqual({
      PORT: 3000,
      NEWSROOM_TIME_ZONE: "America/New_York",
      NEWSROOM_TIME_STYLE: "house",
      SEARCH_LANGUAGE: "english",
      NEWSROOM_NAME: "Copydesk Desk",
      TRUST_PROXY: 0,
      COPYDESK_SKIP_BUILD: false,
      PHOTO_STORE: "postgres",
      PHOTO_S3_FORCE_PATH_STYLE: false,
      COPYDESK_JOBS: true,
      PUBLIC_MEMO_MAX_BYTES: 64 * 1024 * 1024,
      PUBLIC_CACHE_S_MAXAGE: 300,
      PUBLIC_CACHE_STALE_WHILE_REVALIDATE: 30,
      PUBLIC_CACHE_STALE_IF_ERROR: 86_400,
      PUBLIC_CACHE_MAX_AGE: 0,
      PURGE_VARNISH_URLS: [],
      MAIL_FROM: "Copydesk <copydesk@localhost>",
      OIDC_DISPLAY_NAME: "SSO",
      OIDC_ALLOWED_DOMAINS: [],
      OIDC_PROVISIONING: "invited",
      OIDC_SCOPES: "openid email profile",
      OIDC_GROUPS_CLAIM: "groups",
      PASSWORD_SIGN_IN: "on",
      BREAK_GLASS_EMAILS: [],
    });
  });

  it("reads the mail settings, and never repeats the SMTP password in its refusal", () => {
    const env = readEnv({
      source: {
        SMTP_URL: "smtps://desk:s3cret@mail.example.org:465",
        MAIL_FROM: "Newsroom <desk@example.org>",
      },
    });
    expect(env.SMTP_URL).toBe("smtps://desk:s3cret@mail.example.org:465");
    expect(env.MAIL_FROM).toBe("Newsroom <desk@example.org>");
    expect(readEnv({ source: { MAIL_FROM: "desk@example.org" } }).MAIL_FROM).toBe("desk@example.org");
    const refused = (source: Record<string, string>) => {
      try {
        readEnv({ source });
      } catch (error) {
        return (error as Error).message;
      }
      return "accepted";
    };
    const badScheme = refused({ SMTP_URL: "http://desk:s3cret@mail.example.org" });
    expect(badScheme).toMatch(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(badScheme).not.toContain("s3cret");
    expect(refused({ MAIL_FROM: "Copydesk desk" })).toMatch(/MAIL_FROM must be an address/);
    expect(refused({ MAIL_FROM: "Copydesk <desk@example.org>\nBcc: x@example.org" })).toMatch(/MAIL_FROM/);
  });

  it("reads the delivery settings, and names a bad one", () => {
    const env = readEnv({
      source: {
        PURGE_VARNISH_URLS: "http://varnish-1:6081, http://varnish-2:6081",
        PUBLIC_CACHE_S_MAXAGE: "60",
        PUBLIC_MEMO_MAX_BYTES: "1048576",
      },
    });
    expect(env.PURGE_VARNISH_URLS).toEqual(["http://varnish-1:6081", "http://varnish-2:6081"]);
    expect(env.PUBLIC_CACHE_S_MAXAGE).toBe(60);
    expect(env.PUBLIC_MEMO_MAX_BYTES).toBe(1_048_576);
    expect(() => readEnv({ source: { PURGE_VARNISH_URLS: "varnish-1" } })).toThrow(
      /PURGE_VARNISH_URLS must be http:\/\/ URLs/,
    );
    expect(() => readEnv({ source: { PUBLIC_CACHE_S_MAXAGE: "-1" } })).toThrow(
      /PUBLIC_CACHE_S_MAXAGE must be 0 or more/,
    );
  });

  it("reads the single sign-on settings", () => {
    const env = readEnv({
      source: {
        OIDC_ISSUER: "https://newsroom.okta.com",
        OIDC_CLIENT_ID: "0oa1b2c3",
        OIDC_CLIENT_SECRET: "s3cret",
        OIDC_DISPLAY_NAME: "Okta",
        OIDC_ALLOWED_DOMAINS: "Example.org, @news.example.org",
        OIDC_PROVISIONING: "auto",
        OIDC_ROLE_MAP: "Desk Admins:admin, editors:Editor,ns:group:with:colons:contributor",
        PASSWORD_SIGN_IN: "break_glass",
        BREAK_GLASS_EMAILS: "Root@Example.org",
      },
    });
    expect(env).toMatchObject({
      OIDC_ALLOWED_DOMAINS: ["example.org", "news.example.org"],
      OIDC_PROVISIONING: "auto",
      OIDC_ROLE_MAP: [
        { group: "Desk Admins", role: "admin" },
        { group: "editors", role: "editor" },
        { group: "ns:group:with:colons", role: "contributor" },
      ],
      PASSWORD_SIGN_IN: "break_glass",
      BREAK_GLASS_EMAILS: ["root@example.org"],
    });
  });

  it("names what single sign-on is missing or got wrong", () => {
    const message = (source: Record<string, string>) => {
      try {
        readEnv({ source });
        return "accepted";
      } catch (error) {
        return (error as Error).message;
      }
    };
    const issuerOnly = message({ OIDC_ISSUER: "https://idp.example.org" });
    expect(issuerOnly).toMatch(/OIDC_CLIENT_ID is required when OIDC_ISSUER is set/);
    expect(issuerOnly).toMatch(/OIDC_CLIENT_SECRET is required/);
    expect(issuerOnly).toMatch(/OIDC_ALLOWED_DOMAINS is required when OIDC_ISSUER is set/);
    expect(message({ OIDC_CLIENT_ID: "x" })).toMatch(/OIDC_CLIENT_ID is set but OIDC_ISSUER is not/);
    expect(message({ OIDC_ROLE_MAP: "admins:owner" })).toMatch(
      /OIDC_ROLE_MAP must be group:role pairs .*“admins:owner” is not/,
    );
    expect(message({ OIDC_ALLOWED_DOMAINS: "example" })).toMatch(/OIDC_ALLOWED_DOMAINS must be domain names/);
    expect(message({ OIDC_PROVISIONING: "everyone" })).toMatch(
      /OIDC_PROVISIONING must be "auto" or "invited"/,
    );
    expect(message({ OIDC_SCOPES: "email profile" })).toMatch(/OIDC_SCOPES must include openid/);
    expect(message({ PASSWORD_SIGN_IN: "off" })).toMatch(/PASSWORD_SIGN_IN must be "on" or "break_glass"/);
    const breakGlass = message({ PASSWORD_SIGN_IN: "break_glass" });
    expect(breakGlass).toMatch(/PASSWORD_SIGN_IN can be break_glass only with single sign-on/);
    expect(breakGlass).toMatch(/BREAK_GLASS_EMAILS is required when PASSWORD_SIGN_IN is break_glass/);
    expect(message({ BREAK_GLASS_EMAILS: "root@example.org, not-an-email" })).toMatch(
      /BREAK_GLASS_EMAILS must be email addresses .*“not-an-email”/,
    );
  });

  it("needs a bucket to keep photos in S3", () => {
    expect(() => readEnv({ source: { PHOTO_STORE: "s3" } })).toThrow(/PHOTO_S3_BUCKET is required/);
    expect(readEnv({ source: { PHOTO_STORE: "s3", PHOTO_S3_BUCKET: "newsroom-photos" } }).PHOTO_STORE).toBe(
      "s3",
    );
  });

  it("treats empty values as unset, as a copied .env.example leaves them", () => {
    const env = readEnv({ source: { ADMIN_PASSWORD: "", DATABASE_URL: " ", PORT: "", NEWSROOM_NAME: "" } });
    expect(env.ADMIN_PASSWORD).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.NEWSROOM_NAME).toBe("Copydesk Desk");
  });

  it("accepts a complete valid configuration", () => {
    const env = readEnv({
      source: {
        DATABASE_URL: "postgresql://copydesk@db.internal:5432/copydesk",
        PORT: "8080",
        NEXTAUTH_URL: "https://desk.example.org",
        NEXTAUTH_SECRET: "a".repeat(64),
        ADMIN_PASSWORD: "correct horse battery",
        NEWSROOM_TIME_ZONE: "Europe/Berlin",
        NEWSROOM_TIME_STYLE: "ap",
        NEWSROOM_NAME: "  The Riverside Ledger ",
        PUBLIC_BASE_URL: "https://news.example.org",
        COPYDESK_PASSWORD: "another long password",
        TRUST_PROXY: "true",
        SEED_DEMO: "false",
      },
    });
    expect(env.TRUST_PROXY).toBe(1);
    expect(env.SEED_DEMO).toBe(false);
    expect(env.PORT).toBe(8080);
    expect(env.NEWSROOM_TIME_ZONE).toBe("Europe/Berlin");
    expect(env.NEWSROOM_TIME_STYLE).toBe("ap");
    expect(env.NEWSROOM_NAME).toBe("The Riverside Ledger");
  });

  it.each([
    ["PORT", "eighty", "PORT must be a port number"],
    ["PORT", "70000", "PORT must be 1–65535"],
    ["DATABASE_URL", "mysql://root@localhost/copydesk", "DATABASE_URL must be a postgresql:// URL"],
    ["NEWSROOM_TIME_ZONE", "Mars/Olympus_Mons", "NEWSROOM_TIME_ZONE must be an IANA time zone"],
    ["NEWSROOM_TIME_STYLE", "chicago", 'NEWSROOM_TIME_STYLE must be "house" or "ap"'],
    ["SEARCH_LANGUAGE", "English; DROP", "SEARCH_LANGUAGE must be a PostgreSQL text search language"],
    ["NEXTAUTH_SECRET", "too-short", "NEXTAUTH_SECRET must be at least 32 characters"],
    ["NEXTAUTH_URL", "desk.example.org", "NEXTAUTH_URL must be an http:// or https:// URL"],
    ["PUBLIC_BASE_URL", "ftp://news.example.org", "PUBLIC_BASE_URL must be an http:// or https:// URL"],
    ["TRUST_PROXY", "yes", "TRUST_PROXY must be true, false or a number of proxy hops"],
    ["SEED_DEMO", "maybe", 'SEED_DEMO must be "true" or "false"'],
    ["ADMIN_PASSWORD", "short", "ADMIN_PASSWORD must be at least 12 characters"],
  ])("refuses a bad %s with a message naming it", (variable, value, message) => {
    let caught: unknown;
    try {
      readEnv({ source: { [variable]: value } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message).toContain(message);
  });

  // Guards the bug where start-up named only the first bad setting.
  it("names every bad variable at once, each once", () => {
    let caught: unknown;
    try {
      readEnv({
        source: {
          PORT: "abc",
          NEWSROOM_TIME_STYLE: "chicago",
          NEWSROOM_TIME_ZONE: "Mars/Olympus_Mons",
          NEWSROOM_NAME: "Ledger",
        },
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.variables).toEqual(["PORT", "NEWSROOM_TIME_ZONE", "NEWSROOM_TIME_STYLE"]);
    expect(error.message.split("\n")).toEqual([
      "Invalid configuration (3 settings):",
      "  - PORT must be a port number.",
      "  - NEWSROOM_TIME_ZONE must be an IANA time zone such as America/New_York or Europe/Berlin.",
      '  - NEWSROOM_TIME_STYLE must be "house" or "ap".',
    ]);
  });
});
