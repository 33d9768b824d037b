/**
 * The environment for Next's own processes: `npm start` runs under --conditions=react-server (so
 * server-only modules load in scripts), which must not leak into `next build` or `next start`.
 */
export function childEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete env[key];
  const nodeOptions = (env.NODE_OPTIONS ?? "")
    .split(/\s+/)
    .filter((option) => option !== "" && !/^(--conditions|-C)(=|$)/.test(option))
    .join(" ");
  if (nodeOptions) env.NODE_OPTIONS = nodeOptions;
  else delete env.NODE_OPTIONS;
  return env;
}
