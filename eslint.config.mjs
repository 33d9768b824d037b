import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // One way to name a module of the project: "@/…" once an import leaves its folder, "./…" beside it.
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["../*"], message: "Import from another folder as @/… (tsconfig paths)." }] },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    ".data/**",
    "lib/db/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "artifacts/**",
  ]),
]);
