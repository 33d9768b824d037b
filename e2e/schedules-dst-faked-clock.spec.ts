import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

import { formatNewsroomTime } from "@/lib/editorial/newsroom-time";

import { createFakedClock, startFakedClockDatabase, type FakedClock } from "./support/faked-clock";
import { startOwnServer } from "./support/own-server";
import { createPublishedStory, publishRevision, seedPublisher, type Publisher } from "./support/public-api";

/*
 * Daylight-saving changes in the newsroom's zone (America/New_York), lived through rather than computed: a
 * Copydesk server and its own embedded PostgreSQL both run under libfaketime on one faked wall clock, which
 * the spec moves to just before the clocks change. The database's now() (schedule times, lateness, revision
 * and history times, and the job queue's due check) and the server's Date agree, because both read the same
 * offset. Nothing waits a fixed time: each step polls for its outcome.
 */
test.describe.configure({ mode: "serial", timeout: 240_000 });

const zone = "America/New_York";
let clock: FakedClock;
let database: Awaited<ReturnType<typeof startFakedClockDatabase>>;
let server: Awaited<ReturnType<typeof startOwnServer>>;
let publisher: Publisher;
let api: APIRequestContext;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  clock = await createFakedClock();
  database = await startFakedClockDatabase({ clock });
  publisher = await seedPublisher();
  server = await startOwnServer({
    databaseUrl: database.databaseUrl,
    env: { ...clock.env, NEWSROOM_TIME_ZONE: zone, NEWSROOM_TIME_STYLE: "house" },
  });
  api = await playwrightRequest.newContext({
    baseURL: server.baseUrl,
    extraHTTPHeaders: { authorization: `Bearer ${publisher.token}` },
  });
});

test.afterAll(async () => {
  await api?.dispose();
  await server?.stop();
  await database?.stop();
  await clock?.dispose();
});

/** Moves the faked clock and waits until the server and a fresh database connection both read it. */
async function setClock(instant: Date) {
  await clock.moveTo(instant);
  await expect
    .poll(
      async () =>
        new Date((await api.get("/api/health")).headers().date ?? 0).getTime() >= instant.getTime() - 2_000,
      { timeout: 30_000 },
    )
    .toBe(true);
  await expect
    .poll(async () => (await database.now()).getTime() >= instant.getTime() - 2_000, { timeout: 30_000 })
    .toBe(true);
}

/** A live story with a draft update (revision 2) ready to be scheduled. */
async function storyWithUpdate(slug: string, update: string) {
  await createPublishedStory({
    request: api,
    publisher,
    story: {
      slug,
      headline: `Overnight ${slug}`,
      body: "First version.",
      credits: [{ name: "Night Editor", role: "byline" }],
    },
  });
  await publishRevision({
    request: api,
    publisher,
    slug,
    revision: { publish: false, summary: "Adds the overnight update", body: `First version.\n\n${update}` },
  });
}

type Schedule = { id: string; state: string; runAt: string; ranAt: string | null; late: boolean };

async function waitUntilDone(slug: string, id: string): Promise<Schedule> {
  const find = async () =>
    (
      (await (await api.get(`/api/v1/stories/${slug}/schedules`)).json()) as { schedules: Schedule[] }
    ).schedules.find((row) => row.id === id)!;
  await expect.poll(async () => (await find()).state, { timeout: 90_000, intervals: [500] }).toBe("done");
  return find();
}

async function lastMaterialUpdate(slug: string): Promise<string | null> {
  return (
    (await (await api.get(`/api/v1/stories/${slug}`)).json()) as {
      story: { lastMaterialUpdateAt: string | null };
    }
  ).story.lastMaterialUpdateAt;
}

/** The public page's "Updated" line: the instant it encodes and the words readers see. */
async function updatedLine(slug: string, text: string) {
  let html = "";
  await expect
    .poll(
      async () => {
        html = await (await api.get(`/stories/${slug}`)).text();
        return html.includes(text);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const match = /Updated <time datetime="([^"]+)"[^>]*>([^<]+)<\/time>/.exec(html);
  expect(match, "the page has an Updated line").not.toBeNull();
  return { instant: new Date(match![1]!), words: match![2]! };
}

/**
 * The schedule ran on the faked clock, at or after its time and before `before`, and the public page prints
 * the story's stored "Updated" instant (the publication the run made) in newsroom time, reading as `words`.
 */
async function expectRunAndShown(options: {
  slug: string;
  schedule: Schedule;
  before: string;
  sentence: string;
  words: RegExp;
}) {
  const { slug, schedule } = options;
  const done = await waitUntilDone(slug, schedule.id);
  const ranAt = new Date(done.ranAt!);
  expect(ranAt.getTime()).toBeGreaterThanOrEqual(Date.parse(schedule.runAt));
  expect(ranAt.getTime()).toBeLessThan(Date.parse(options.before));
  const updated = await updatedLine(slug, options.sentence);
  expect(updated.instant.toISOString()).toBe(await lastMaterialUpdate(slug));
  expect(updated.instant.getTime()).toBeGreaterThanOrEqual(ranAt.getTime());
  expect(updated.words).toBe(formatNewsroomTime({ instant: updated.instant, zone, style: "house" }));
  expect(updated.words).toMatch(options.words);
}

test("spring forward: a time in the gap is refused with both choices; 3:00 AM EDT, the first minute after it, runs", async () => {
  const slug = "spring-forward";
  await storyWithUpdate(slug, "The overnight session ended at 3 a.m.");
  // 1:59:30 AM EST, thirty faked seconds before the clocks jump from 2:00 to 3:00. The schedule goes in
  // first: only it depends on how much of that half minute is left.
  await setClock(new Date("2027-03-14T06:59:30Z"));
  const scheduled = await api.post(`/api/v1/stories/${slug}/schedules`, {
    data: { revision: 2, localTime: "2027-03-14T03:00", summary: "Adds the overnight update" },
  });
  expect(scheduled.status(), await scheduled.text()).toBe(201);
  const { schedule } = (await scheduled.json()) as { schedule: Schedule };
  expect(schedule.runAt).toBe("2027-03-14T07:00:00.000Z");

  const gap = await api.post(`/api/v1/stories/${slug}/schedules`, {
    data: { revision: 2, localTime: "2027-03-14T02:30", summary: "Adds the overnight update" },
  });
  expect(gap.status()).toBe(400);
  const refusal = (
    (await gap.json()) as {
      error: { message: string; details: { choices: { instant: string; label: string }[] } };
    }
  ).error;
  expect(refusal.message).toContain("2027-03-14 02:30 does not exist in newsroom time");
  expect(refusal.details.choices).toEqual([
    { instant: "2027-03-14T06:59:00.000Z", label: "March 14, 2027 at 1:59 AM EST" },
    { instant: "2027-03-14T07:00:00.000Z", label: "March 14, 2027 at 3:00 AM EDT" },
  ]);

  // It ran by the faked clock, at or after its time, and inside the first hour of daylight time.
  await expectRunAndShown({
    slug,
    schedule,
    before: "2027-03-14T08:00:00Z",
    sentence: "The overnight session ended at 3 a.m.",
    words: /^March 14, 2027 at 3:\d\d AM ET$/,
  });
});

test("fall back: 1:30 AM happens twice and the API asks which; the later (EST) one is scheduled and runs", async () => {
  const slug = "fall-back";
  await storyWithUpdate(slug, "The night shift handed over at 1:30 a.m.");
  // 1:29:30 AM EST: the second 1:29 of the night (the clocks went back from 2:00 EDT to 1:00 EST an hour
  // ago).
  await setClock(new Date("2027-11-07T06:29:30Z"));
  const ambiguous = await api.post(`/api/v1/stories/${slug}/schedules`, {
    data: { revision: 2, localTime: "2027-11-07T01:30", summary: "Adds the handover" },
  });
  expect(ambiguous.status()).toBe(400);
  const question = (
    (await ambiguous.json()) as {
      error: { message: string; details: { choices: { fold: string; instant: string; label: string }[] } };
    }
  ).error;
  expect(question.message).toContain("happens twice in newsroom time");
  expect(question.details.choices).toEqual([
    { fold: "earlier", instant: "2027-11-07T05:30:00.000Z", label: "November 7, 2027 at 1:30 AM EDT" },
    { fold: "later", instant: "2027-11-07T06:30:00.000Z", label: "November 7, 2027 at 1:30 AM EST" },
  ]);
  const later = await api.post(`/api/v1/stories/${slug}/schedules`, {
    data: { revision: 2, localTime: "2027-11-07T01:30", fold: "later", summary: "Adds the handover" },
  });
  expect(later.status(), await later.text()).toBe(201);
  const { schedule } = (await later.json()) as { schedule: Schedule };
  expect(schedule.runAt).toBe("2027-11-07T06:30:00.000Z");
  // The earlier 1:30 (EDT) is an hour gone by this clock: choosing it is refused, so the choice really picks
  // an instant.
  const earlier = await api.post(`/api/v1/stories/${slug}/schedules`, {
    data: { revision: 2, localTime: "2027-11-07T01:30", fold: "earlier", summary: "Adds the handover" },
  });
  expect(earlier.status()).toBe(400);
  expect(((await earlier.json()) as { error: { message: string } }).error.message).toContain(
    "1:30 AM EDT, which has already passed",
  );

  await expectRunAndShown({
    slug,
    schedule,
    before: "2027-11-07T07:00:00Z",
    sentence: "The night shift handed over at 1:30 a.m.",
    words: /^November 7, 2027 at 1:\d\d AM ET$/,
  });
});
