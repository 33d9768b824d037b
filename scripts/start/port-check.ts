import net from "node:net";

/** Whether nothing listens on `port` yet (checked on all interfaces, as `next start` binds them). */
export function isPortFree(options: { port: number }): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(options.port, () => server.close(() => resolve(true)));
  });
}
