import pino from "pino";

type Fields = Record<string, unknown>;

/**
 * Field names whose values never reach the log, wherever they sit in a logged object. Exact names, so ids
 * such as `tokenId` or `sessionId` stay readable: they identify a row and open nothing.
 */
const secretFieldNames = [
  "password",
  "currentPassword",
  "newPassword",
  "passwordHash",
  "token",
  "tokenHash",
  "accessToken",
  "refreshToken",
  "idToken",
  "sessionToken",
  "csrfToken",
  "secret",
  "clientSecret",
  "NEXTAUTH_SECRET",
  "ADMIN_PASSWORD",
  "COPYDESK_PASSWORD",
  "DATABASE_URL",
  "SMTP_URL",
  "smtpUrl",
  "connectionString",
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  "cookies",
  "set-cookie",
  "Set-Cookie",
] as const;

// Objects nested deeper than this are cut off before pino writes them (see `limitDepth`), so redaction paths
// for every depth up to it cover every depth that can reach the output.
const maxDepth = 8;

type LoggedError = {
  type: string;
  message: string;
  stack?: string;
  code?: unknown;
  cause?: LoggedError | unknown;
};

/**
 * What an Error contributes to the log: its kind, message, stack, code and cause. Not its other properties:
 * driver errors carry whole connection objects, which are noise and may hold credentials.
 */
function describeError(error: Error, depth: number): LoggedError {
  const described: LoggedError = { type: error.name, message: error.message, stack: error.stack };
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") described.code = code;
  if (error.cause !== undefined) described.cause = limitDepth(error.cause, depth + 1);
  return described;
}

/**
 * A copy of `value` cut off below `maxDepth`, with Errors described by `describeError` (JSON would write
 * them as {}). Never mutates what the caller logged.
 */
function limitDepth(value: unknown, depth: number): unknown {
  if (value instanceof Error) return depth >= maxDepth ? "[nested too deep]" : describeError(value, depth);
  if (value === null || typeof value !== "object") return value;
  if (depth >= maxDepth) return "[nested too deep]";
  if (Array.isArray(value)) return value.map((item) => limitDepth(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = limitDepth(item, depth + 1);
  return copy;
}

function redactionPaths(): string[] {
  const paths: string[] = [];
  for (let depth = 0; depth < maxDepth; depth += 1) {
    const prefix = "*.".repeat(depth);
    for (const name of secretFieldNames)
      paths.push(/^[A-Za-z_$][\w$]*$/.test(name) ? `${prefix}${name}` : `${prefix}["${name}"]`);
  }
  return paths;
}

// Through console, not a file descriptor: the command line sends console.log to stderr so stdout carries only
// what a script captures, and `npm start` silences it while seeding.
const consoleDestination = {
  write(line: string) {
    const text = line.endsWith("\n") ? line.slice(0, -1) : line;
    if (text.includes('"level":"error"') || text.includes('"level":"fatal"')) console.error(text);
    else if (text.includes('"level":"warn"')) console.warn(text);
    else console.log(text);
  },
};

/** The pino instance behind `logger`; exported so a test can point one with the same options at a buffer. */
export function createPinoLogger(options: { destination?: { write: (line: string) => void } } = {}) {
  return pino(
    {
      level: "info",
      messageKey: "message",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => limitDepth(fields, 0) as Record<string, unknown>,
      },
      redact: { paths: redactionPaths(), censor: "[redacted]" },
    },
    options.destination ?? consoleDestination,
  );
}

const base = createPinoLogger();

/**
 * Server-side structured log (pino). Secrets are redacted by field name at any depth; users never see what
 * goes here.
 */
export const logger = {
  info: (message: string, fields?: Fields) => base.info(fields ?? {}, message),
  warn: (message: string, fields?: Fields) => base.warn(fields ?? {}, message),
  error: (message: string, fields?: Fields) => base.error(fields ?? {}, message),
};
