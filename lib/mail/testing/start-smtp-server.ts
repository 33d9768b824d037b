import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { envelopeTo: string[]; parsed: ParsedMail };

export type RunningSmtpServer = {
  /** What to put in SMTP_URL to reach it, with its user and password. */
  url: string;
  received: ReceivedMail[];
  /** Stops listening; `start` listens again on the same port (an SMTP outage, then its end). */
  stop: () => Promise<void>;
  start: () => Promise<void>;
};

/**
 * A real SMTP server for tests (smtp-server, by nodemailer's author), on 127.0.0.1 and a given port, that
 * asks for a user and password and keeps every mail it takes, parsed.
 */
export async function startSmtpServer(options: {
  port: number;
  user: string;
  password: string;
}): Promise<RunningSmtpServer> {
  const received: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  const start = async () => {
    if (server) return;
    const instance = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      // No certificate here: offering STARTTLS would send nodemailer into a TLS handshake it must not trust.
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === options.user && auth.password === options.password)
          return callback(null, { user: auth.username });
        return callback(new Error("Invalid username or password"));
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            received.push({
              envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
              parsed,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    instance.on("error", () => {});
    await new Promise<void>((resolve, reject) => {
      instance.server.once("error", reject);
      instance.listen(options.port, "127.0.0.1", () => resolve());
    });
    server = instance;
  };
  const stop = async () => {
    const instance = server;
    server = undefined;
    if (instance) await new Promise<void>((resolve) => instance.close(() => resolve()));
  };
  await start();
  return {
    url: `smtp://${encodeURIComponent(options.user)}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}`,
    received,
    stop,
    start,
  };
}
