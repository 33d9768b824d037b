import "server-only";

import { getEnv, type Env } from "@/lib/env";

/**
 * How review mail goes out, or null when SMTP_URL is unset: then nothing is queued and nobody is emailed,
 * and everything else (the desk inbox above all) works the same.
 */
export type MailSettings = {
  /** Holds the SMTP password: handed to nodemailer only, never logged, never sent to a browser. */
  smtpUrl: string;
  from: string;
  /** Where the desk is reached, for the links in a mail: the address sign-in redirects use. */
  deskOrigin: string;
  newsroomName: string;
};

/** NEXTAUTH_URL, else PUBLIC_BASE_URL, else http://localhost:PORT: what `npm start` gives next-auth. */
export function deskOrigin(env: Env = getEnv()): string {
  const configured = env.NEXTAUTH_URL ?? env.PUBLIC_BASE_URL;
  return configured ? new URL(configured).origin : `http://localhost:${env.PORT}`;
}

export function mailSettings(env: Env = getEnv()): MailSettings | null {
  if (!env.SMTP_URL) return null;
  return {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    deskOrigin: deskOrigin(env),
    newsroomName: env.NEWSROOM_NAME,
  };
}

/** "smtp://mail.example.org:587": the server without the user and password, for log lines and errors. */
export function describeSmtpServer(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  return `${secure ? "smtps" : "smtp"}://${url.hostname}:${url.port || (secure ? "465" : "587")}`;
}
