import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/error-response";
import { renderStoryBody } from "@/lib/render/story-body";

import { runOffLoop } from "./worker-pool";

/** A body the parser takes a fraction of a second over (1,000 list items), so tasks pile up in the queue. */
const slowBody = Array.from(
  { length: 1_000 },
  (_, index) => `${" ".repeat(2 * (index % 8))}- item ${index}`,
).join("\n");

describe("the worker pool (issue 19: heavy work ran on the event loop)", () => {
  it("runs a task on a worker thread and gives back what the same function gives in place", async () => {
    const markdown =
      "The *river* rose, [the council said](https://example.com).\n\n- North bridge\n- South bridge";
    expect(await runOffLoop("renderStoryBody", { markdown })).toEqual(renderStoryBody({ markdown }));
  });

  // Guards issue 19 (bounded pool): past its queue limit the pool refuses that work with a 503 and
  // Retry-After.
  it("refuses work beyond its queue with 'unavailable' (503 and Retry-After) and still finishes what it took", async () => {
    // More than the largest pool (4 threads, 20 tasks running or waiting) holds at once.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 24 }, () => runOffLoop("renderStoryBody", { markdown: slowBody })),
    );
    const refused = outcomes.flatMap((outcome) =>
      outcome.status === "rejected" ? [outcome.reason as unknown] : [],
    );
    const done = outcomes.filter((outcome) => outcome.status === "fulfilled");
    expect(refused.length).toBeGreaterThan(0);
    expect(done.length).toBeGreaterThan(0);
    for (const error of refused) {
      expect(error).toBeInstanceOf(AppError);
      const response = errorResponse(error);
      expect(response.status).toBe(503);
      expect(response.headers.get("Retry-After")).toBe("5");
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/busy/);
    }
  });
});
