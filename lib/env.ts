import "server-only";

import { z } from "zod";

import { isCommonPassword } from "./auth/common-passwords";
import { passwordHints } from "./auth/password-strength";

// An empty line in .env ("ADMIN_PASSWORD=") means "not set", not "set to nothing".
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional(),
  );
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const booleanFlag = z
  .enum(["true", "false", "1", "0"], { error: 'must be "true" or "false"' })
  .transform((flag) => flag === "true" || flag === "1");

const seconds = z.coerce
  .number({ error: "must be a number of seconds" })
  .int({ error: "must be a whole number of seconds" })
  .min(0, { error: "must be 0 or more" })
  .max(31_536_000, { error: "must be at most a year" });

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });

const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "must be an email address" }).max(254, { error: "must be at most 254 characters" }));

function commaList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

const domainName = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const roleNames = ["admin", "editor", "contributor"] as const;

/** OIDC_ROLE_MAP: `group:role` pairs; a group name may itself hold a colon, so the role is after the last one. */
const roleMap = z.string().transform((list, context) => {
  const pairs: { group: string; role: (typeof roleNames)[number] }[] = [];
  for (const entry of commaList(list)) {
    const cut = entry.lastIndexOf(":");
    const group = entry.slice(0, cut).trim();
    const role = entry
      .slice(cut + 1)
      .trim()
      .toLowerCase();
    if (cut <= 0 || !group || !(roleNames as readonly string[]).includes(role)) {
      context.addIssue({
        code: "custom",
        message: `must be group:role pairs separated by commas, each role admin, editor or contributor (“${entry}” is not)`,
      });
      return z.NEVER;
    }
    pairs.push({ group, role: role as (typeof roleNames)[number] });
  }
  return pairs;
});

/** Every setting Copydesk reads from its environment; .env.example documents each one. */
export const EnvInput = z
  .object({
    DATABASE_URL: optional(
      z.string().regex(/^postgres(ql)?:\/\/\S+$/, { error: "must be a postgresql:// URL" }),
    ),
    // The role that owns the tables, for migrations; DATABASE_URL can then be a DML-only role (README).
    DATABASE_OWNER_URL: optional(
      z.string().regex(/^postgres(ql)?:\/\/\S+$/, { error: "must be a postgresql:// URL" }),
    ),
    PORT: optional(
      z.coerce
        .number({ error: "must be a port number" })
        .int({ error: "must be a whole number" })
        .min(1, { error: "must be 1–65535" })
        .max(65535, { error: "must be 1–65535" }),
    ).transform((port) => port ?? 3000),
    NEXTAUTH_URL: optional(httpUrl),
    NEXTAUTH_SECRET: optional(
      z.string().min(32, { error: "must be at least 32 characters (e.g. `openssl rand -hex 32`)" }),
    ),
    ADMIN_EMAIL: optional(
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(
          z
            .email({ error: "must be an email address" })
            .max(254, { error: "must be at most 254 characters" }),
        ),
    ),
    ADMIN_PASSWORD: optional(
      z
        .string()
        .min(12, { error: "must be at least 12 characters" })
        .max(256, { error: "must be at most 256 characters" })
        .refine((password) => !isCommonPassword(password), {
          error: "is a commonly used password; choose another",
        })
        .superRefine((password, context) => {
          if (password.length < 12 || password.length > 256 || isCommonPassword(password)) return;
          const hints = passwordHints({ password });
          if (hints)
            context.addIssue({
              code: "custom",
              // readEnv ends the line with its own full stop.
              message: `is too easy to guess: ${hints.join(" ").replace(/\.$/, "")}`,
            });
        }),
    ),
    NEWSROOM_TIME_ZONE: optional(
      z
        .string()
        .refine(isTimeZone, { error: "must be an IANA time zone such as America/New_York or Europe/Berlin" }),
    ).transform((zone) => zone ?? "America/New_York"),
    NEWSROOM_TIME_STYLE: optional(z.enum(["house", "ap"], { error: 'must be "house" or "ap"' })).transform(
      (style) => style ?? "house",
    ),
    // The text search configuration (pg_ts_config) search stems and drops stop words with; checked against the
    // database, and search rebuilt in it when it changed, by the migrate step (lib/search/search-language.ts).
    SEARCH_LANGUAGE: optional(
      z
        .string()
        .trim()
        .regex(/^[a-z_]{1,63}$/, {
          error: "must be a PostgreSQL text search language such as english, simple, german or french",
        }),
    ).transform((language) => language ?? "english"),
    NEWSROOM_NAME: optional(
      z.string().trim().min(1).max(200, { error: "must be at most 200 characters" }),
    ).transform((name) => name ?? "Copydesk Desk"),
    PUBLIC_BASE_URL: optional(httpUrl),
    TRUST_PROXY: optional(
      z.union(
        [
          z.literal("true").transform(() => 1),
          z.literal("false").transform(() => 0),
          z.coerce.number().int().min(0).max(10),
        ],
        {
          error: "must be true, false or a number of proxy hops (0–10)",
        },
      ),
    ).transform((hops) => hops ?? 0),
    // Delivery (lib/delivery): the response memo's size, the Cache-Control values and where purges go.
    PUBLIC_MEMO_MAX_BYTES: optional(
      z.coerce
        .number({ error: "must be a number of bytes" })
        .int()
        .min(0)
        .max(2 ** 40),
    ).transform((bytes) => bytes ?? 64 * 1024 * 1024),
    PUBLIC_CACHE_S_MAXAGE: optional(seconds).transform((value) => value ?? 300),
    PUBLIC_CACHE_STALE_WHILE_REVALIDATE: optional(seconds).transform((value) => value ?? 30),
    PUBLIC_CACHE_STALE_IF_ERROR: optional(seconds).transform((value) => value ?? 86_400),
    PUBLIC_CACHE_MAX_AGE: optional(seconds).transform((value) => value ?? 0),
    PURGE_VARNISH_URLS: optional(
      z.string().transform((list, context) => {
        const urls = list.split(/[\s,]+/).filter(Boolean);
        for (const url of urls) {
          if (!/^https?:\/\/[^\s/]+/.test(url))
            context.addIssue({ code: "custom", message: "must be http:// URLs separated by commas" });
        }
        return urls;
      }),
    ).transform((urls) => urls ?? []),
    PURGE_FASTLY_SERVICE_ID: optional(z.string().trim().min(1)),
    PURGE_FASTLY_API_TOKEN: optional(z.string().trim().min(1)),
    PURGE_CLOUDFLARE_ZONE_ID: optional(z.string().trim().min(1)),
    PURGE_CLOUDFLARE_API_TOKEN: optional(z.string().trim().min(1)),
    SEED_DEMO: optional(booleanFlag),
    COPYDESK_DATA_DIR: optional(z.string().trim().min(1)),
    COPYDESK_SKIP_BUILD: optional(booleanFlag).transform((skip) => skip ?? false),
    COPYDESK_JOBS: optional(booleanFlag).transform((run) => run ?? true),
    COPYDESK_PASSWORD: optional(z.string().max(256, { error: "must be at most 256 characters" })),
    // Where photo bytes live: "postgres" (default, nothing else to run) or "s3" (any S3-compatible store).
    PHOTO_STORE: optional(z.enum(["postgres", "s3"], { error: 'must be "postgres" or "s3"' })).transform(
      (store) => store ?? "postgres",
    ),
    PHOTO_S3_BUCKET: optional(z.string().trim().min(3).max(63)),
    PHOTO_S3_REGION: optional(z.string().trim().min(1)),
    PHOTO_S3_ENDPOINT: optional(httpUrl),
    PHOTO_S3_ACCESS_KEY_ID: optional(z.string().trim().min(1)),
    PHOTO_S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
    PHOTO_S3_FORCE_PATH_STYLE: optional(booleanFlag).transform((flag) => flag ?? false),
    // Review mail (lib/mail): unset means nobody is emailed; the desk inbox works the same either way.
    SMTP_URL: optional(
      z.url({
        protocol: /^smtps?$/,
        hostname: /./,
        error: "must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.org:587",
      }),
    ),
    MAIL_FROM: optional(
      z
        .string()
        .trim()
        .max(320, { error: "must be at most 320 characters" })
        .regex(/^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, {
          error: 'must be an address such as "Copydesk <desk@example.org>" or desk@example.org',
        }),
    ).transform((from) => from ?? "Copydesk <copydesk@localhost>"),
    // Single sign-on through OpenID Connect (lib/auth/sso): on when OIDC_ISSUER is set.
    OIDC_ISSUER: optional(httpUrl),
    OIDC_CLIENT_ID: optional(z.string().trim().min(1).max(500, { error: "must be at most 500 characters" })),
    OIDC_CLIENT_SECRET: optional(z.string().min(1).max(2000, { error: "must be at most 2000 characters" })),
    OIDC_DISPLAY_NAME: optional(
      z.string().trim().min(1).max(40, { error: "must be at most 40 characters (it goes on a button)" }),
    ).transform((name) => name ?? "SSO"),
    OIDC_ALLOWED_DOMAINS: optional(
      z.string().transform((list, context) => {
        const domains = commaList(list.toLowerCase()).map((domain) => domain.replace(/^@/, ""));
        for (const domain of domains)
          if (!domainName.test(domain)) {
            context.addIssue({
              code: "custom",
              message: `must be domain names separated by commas, e.g. example.org,news.example.org (“${domain}” is not one)`,
            });
            return z.NEVER;
          }
        return domains;
      }),
    ).transform((domains) => domains ?? []),
    OIDC_PROVISIONING: optional(
      z.enum(["auto", "invited"], { error: 'must be "auto" or "invited"' }),
    ).transform((mode) => mode ?? "invited"),
    OIDC_SCOPES: optional(
      z
        .string()
        .trim()
        .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, {
          error: "must be scope names separated by spaces",
        })
        .refine((scopes) => scopes.split(" ").includes("openid"), { error: "must include openid" }),
    ).transform((scopes) => scopes ?? "openid email profile"),
    OIDC_GROUPS_CLAIM: optional(
      z
        .string()
        .trim()
        .max(200, { error: "must be at most 200 characters" })
        .regex(/^[^\s]+$/, { error: "must be a claim name without spaces" }),
    ).transform((claim) => claim ?? "groups"),
    OIDC_ROLE_MAP: optional(roleMap),
    PASSWORD_SIGN_IN: optional(
      z.enum(["on", "break_glass"], { error: 'must be "on" or "break_glass"' }),
    ).transform((mode) => mode ?? "on"),
    BREAK_GLASS_EMAILS: optional(
      z.string().transform((list, context) => {
        const emails: string[] = [];
        for (const item of commaList(list)) {
          const parsed = emailAddress.safeParse(item);
          if (!parsed.success) {
            context.addIssue({
              code: "custom",
              message: `must be email addresses separated by commas (“${item}” is not one)`,
            });
            return z.NEVER;
          }
          emails.push(parsed.data);
        }
        return emails;
      }),
    ).transform((emails) => emails ?? []),
  })
  .superRefine((env, context) => {
    const required = (variable: string, message: string) =>
      context.addIssue({ code: "custom", message, path: [variable] });
    if (env.OIDC_ISSUER) {
      if (!env.OIDC_CLIENT_ID) required("OIDC_CLIENT_ID", "is required when OIDC_ISSUER is set");
      if (!env.OIDC_CLIENT_SECRET) required("OIDC_CLIENT_SECRET", "is required when OIDC_ISSUER is set");
      if (env.OIDC_ALLOWED_DOMAINS.length === 0)
        required(
          "OIDC_ALLOWED_DOMAINS",
          "is required when OIDC_ISSUER is set: the email domains whose addresses may sign in, e.g. example.org",
        );
    } else {
      for (const variable of ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_ROLE_MAP"] as const)
        if (env[variable])
          required(variable, "is set but OIDC_ISSUER is not: set the issuer too, or remove it");
    }
    if (env.PASSWORD_SIGN_IN === "break_glass") {
      if (!env.OIDC_ISSUER)
        required("PASSWORD_SIGN_IN", "can be break_glass only with single sign-on set up (OIDC_ISSUER)");
      if (env.BREAK_GLASS_EMAILS.length === 0)
        required(
          "BREAK_GLASS_EMAILS",
          "is required when PASSWORD_SIGN_IN is break_glass: the admins who may still sign in with a password",
        );
    }
  })
  .refine((env) => env.PHOTO_STORE !== "s3" || Boolean(env.PHOTO_S3_BUCKET), {
    error: "PHOTO_S3_BUCKET is required when PHOTO_STORE is s3",
    path: ["PHOTO_S3_BUCKET"],
  });

export type Env = z.infer<typeof EnvInput>;

/**
 * Bad configuration: `message` names every bad variable and is meant to be shown as is, without a stack
 * trace.
 */
export class ConfigError extends Error {
  /** The first bad variable; `variables` lists them all. */
  readonly variable: string;
  readonly variables: string[];

  constructor(options: { variables: string[]; message: string }) {
    super(options.message);
    this.name = "ConfigError";
    this.variables = options.variables;
    this.variable = options.variables[0] ?? "configuration";
  }
}

export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}

/**
 * Validates configuration from `source` (default: process.env). Every bad variable is named at once, so
 * fixing three settings takes one restart, not three.
 */
export function readEnv(options: { source?: Record<string, string | undefined> } = {}): Env {
  const parsed = EnvInput.safeParse(options.source ?? process.env);
  if (parsed.success) return parsed.data;
  const problems = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const variable = String(issue.path[0] ?? "configuration");
    if (!problems.has(variable)) problems.set(variable, `${variable} ${issue.message}`);
  }
  const lines = [...problems.values()];
  const message =
    lines.length === 1
      ? `Invalid configuration: ${lines[0]}.`
      : `Invalid configuration (${lines.length} settings):\n${lines.map((line) => `  - ${line}.`).join("\n")}`;
  throw new ConfigError({ variables: [...problems.keys()], message });
}

let cached: Env | undefined;

/** The validated configuration of this process, read once. */
export function getEnv(): Env {
  cached ??= readEnv();
  return cached;
}
