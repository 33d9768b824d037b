// Prettier formats every source file; `npm test` and CI check it (`npm run format:check`).
// 110 columns: long enough for a newsroom sentence in a user message, short enough to read side by side in a diff.

/** @type {import("prettier").Config} */
const config = {
  printWidth: 110,
  plugins: ["@ianvs/prettier-plugin-sort-imports"],
  // Node built-ins, then packages, then the project's own rooms (@/…), then the file's neighbours (./…).
  // Side-effect imports such as "server-only" keep their place: the plugin never moves code across them.
  importOrder: ["<BUILTIN_MODULES>", "<THIRD_PARTY_MODULES>", "", "^@/(.*)$", "", "^[.]"],
  importOrderTypeScriptVersion: "5.0.0",
};
export default config;
