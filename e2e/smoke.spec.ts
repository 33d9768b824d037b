import { expect, test } from "@playwright/test";
import { useE2eDatabase } from "./support/database";
import { getDb } from "../lib/db/client";

test("health answers ok from the production build", async ({ request }) => {
  useE2eDatabase();
  expect(await getDb().user.count()).toBe(0);
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});
