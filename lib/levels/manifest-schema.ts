/**
 * The level contract: the schema every `levels/<id>/level.yaml` must satisfy.
 * Shared by the web app (catalogue, briefing, hints, rubric) and the
 * orchestrator (stack, fault, check, mock client). Pure: no Node or Next imports.
 */
import { z } from "zod";

export const LEVEL_CATEGORIES = [
  "database",
  "proxy",
  "resources",
  "filesystem",
  "application",
  "time",
  "network",
] as const;
export const LevelCategorySchema = z.enum(LEVEL_CATEGORIES);
export type LevelCategory = z.infer<typeof LevelCategorySchema>;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lower-case slug like 'disk-full'");
/** Instance names are the stack's machines: proxy, app, db. */
const instanceName = z.string().regex(/^[a-z][a-z0-9-]*$/, "must be an instance name like 'app'");

/** A randomised parameter: the variant seed picks one value deterministically. */
export const ParamSpecSchema = z.union([
  z.object({ choose: z.array(z.union([z.string(), z.number()])).min(1) }).strict(),
  z
    .object({ range: z.tuple([z.number().int(), z.number().int()]) })
    .strict()
    .refine((p) => p.range[0] <= p.range[1], "range must be [min, max] with min <= max"),
]);
export type ParamSpec = z.infer<typeof ParamSpecSchema>;

export const RubricCriterionSchema = z
  .object({
    id: slug,
    title: z.string().min(1),
    description: z.string().min(1),
    points: z.number().int().positive(),
  })
  .strict();
export type RubricCriterion = z.infer<typeof RubricCriterionSchema>;

export const HintSchema = z
  .object({
    text: z.string().min(1),
    /** Points this hint costs when taken. */
    cost: z.number().int().min(0),
  })
  .strict();

/** A shell step run in an instance through the same exec path a player's terminal uses. */
export const ShellStepSchema = z
  .object({
    instance: instanceName,
    /** Run with `sh -c`; `{{name}}` is replaced by the resolved parameter. */
    run: z.string().min(1),
    user: z.string().optional(),
  })
  .strict();
export type ShellStep = z.infer<typeof ShellStepSchema>;

/** A named list of shell steps (an alternative fix, a tamper attempt). */
export const NamedStepsSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    title: z.string().min(3),
    steps: z.array(ShellStepSchema).min(1),
  })
  .strict();
export type NamedSteps = z.infer<typeof NamedStepsSchema>;

/**
 * A second fault a facilitator may trigger during a game day: shell steps run through the same exec
 * path as the reference fix. Facilitator-only, like the solution: never sent to players.
 */
export const LevelInjectSchema = z
  .object({
    id: slug,
    title: z.string().min(3),
    description: z.string().min(10),
    steps: z.array(ShellStepSchema).min(1),
  })
  .strict();
export type LevelInject = z.infer<typeof LevelInjectSchema>;

/**
 * What a mock request's answer must mean, beyond its status and shape (orchestrator/mock-client/meaning.ts):
 *   search-matches  every product found matches the searched term (name, SKU or brand, any case), there is at
 *                   least one, and one of them is the database's product of that id and name;
 *   products-exist  a non-empty product list, one of whose products is the database's (id and name);
 *   upload-readback the upload is stored with its size and read back from the app, bypassing the proxy, byte
 *                   for byte;
 *   user-listed     the new user is listed in today's sign-ups (GET /api/users/today through the proxy) and
 *                   stored in the database with the email sent;
 *   users-exist     today's sign-ups list stored users (one, by id and email); empty only when nobody signed up
 *                   in the last two minutes;
 *   uploads-exist   the recent uploads are the database's (one of them by id and checksum; empty only when
 *                   nothing is stored).
 */
export const MOCK_MEANINGS = [
  "search-matches",
  "products-exist",
  "upload-readback",
  "user-listed",
  "users-exist",
  "uploads-exist",
] as const;
export type MockMeaning = (typeof MOCK_MEANINGS)[number];

/** A host name, possibly with `{{param}}` parts and a port. */
const hostTemplate =
  /^(?:[a-z0-9-]+|\{\{[a-zA-Z][a-zA-Z0-9_]*\}\})(?:\.(?:[a-z0-9-]+|\{\{[a-zA-Z][a-zA-Z0-9_]*\}\}))*(?::\d+)?$/;

/** What the mock client expects from one request. */
export const MockRequestSchema = z
  .object({
    name: z.string().min(1),
    method: z.enum(["GET", "POST", "PUT", "DELETE"]).default("GET"),
    /** Path on the app entry point (the proxy). `{{name}}` and `{{rand}}` are expanded. */
    path: z.string().startsWith("/"),
    /** JSON body; a `bytes` body sends that many random bytes as application/octet-stream. */
    json: z.unknown().optional(),
    bytes: z.number().int().positive().optional(),
    /**
     * What customers type in the search box: each request picks one (in the case a person might type it)
     * and sends it as `q`. Every term should find products.
     */
    search: z.array(z.string().trim().min(2).max(60)).min(1).optional(),
    /**
     * The page this call is made from. A visitor not on it loads it first (a navigation, which must load),
     * and the call carries it as Referer. Default "/"; a request for a page is itself a navigation.
     */
    page: z.string().startsWith("/").optional(),
    /**
     * Headers the page's script sets on this call (e.g. `x-requested-with`), merged over the browser's.
     * With `mockClient.crossOrigin`, a header that is not CORS-safelisted makes the browser send a preflight.
     */
    headers: z
      .record(z.string().regex(/^[a-z0-9-]+$/, "header names are lower case"), z.string().max(200))
      .refine(
        (h) =>
          !Object.keys(h).some(
            (k) => ["host", "origin", "cookie", "content-length"].includes(k) || k.startsWith("access-control-"),
          ),
        "the browser sets host, origin, cookie, content-length and access-control-* itself",
      )
      .optional(),
    weight: z.number().positive().default(1),
    expect: z
      .object({
        /**
         * The status(es) a customer accepts: one, or a list when more than one answer is right (a deep page
         * either served or refused with a clear 4xx). JSON checks apply to a success (below 400) only.
         */
        status: z.union([z.number().int(), z.array(z.number().int()).min(1)]).default(200),
        /** Dotted path that must exist in the JSON response, e.g. `items` or `user.id`. */
        jsonHas: z.array(z.string()).default([]),
        /** Dotted path whose value must be a non-empty array. */
        nonEmptyArray: z.string().optional(),
        /** A response slower than this counts as a failure (the impatient, card-carrying user). */
        maxMs: z.number().int().positive().default(2000),
        /** What the answer must mean (checked against the database and the app itself): see MOCK_MEANINGS. */
        meaning: z.enum(MOCK_MEANINGS, { error: () => `must be one of ${MOCK_MEANINGS.join(", ")}` }).optional(),
      })
      .strict()
      .default({ status: 200, jsonHas: [], maxMs: 2000 }),
  })
  .strict()
  .superRefine((r, ctx) => {
    const fail = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const meaning = r.expect.meaning;
    if (r.bytes !== undefined && r.json !== undefined) fail(["bytes"], "a request sends `bytes` or `json`, not both");
    if (r.search) {
      if (r.method !== "GET") fail(["search"], "search terms go with a GET");
      if (/[?&]q=/.test(r.path)) fail(["search"], "the path already has a q= parameter: give the terms in one place");
    }
    if (!meaning) return;
    const at = ["expect", "meaning"];
    const needs = (method: string, what: string) => {
      if (r.method !== method) fail(at, `${meaning} needs a ${method} request (${what})`);
    };
    switch (meaning) {
      case "search-matches":
        needs("GET", "a product search");
        if (!r.search && !/[?&]q=/.test(r.path))
          fail(at, "search-matches needs the searched term: give `search` terms or a q= in the path");
        break;
      case "products-exist":
        needs("GET", "a product list");
        break;
      case "users-exist":
        needs("GET", "today's sign-ups");
        break;
      case "uploads-exist":
        needs("GET", "the recent uploads");
        break;
      case "upload-readback":
        needs("POST", "an upload");
        if (r.bytes === undefined) fail(at, "upload-readback needs a `bytes` body (the bytes to read back)");
        break;
      case "user-listed": {
        needs("POST", "a sign-up");
        const email = (r.json as { email?: unknown } | undefined)?.email;
        if (typeof email !== "string") fail(at, "user-listed needs a `json` body with an `email` (the user to find)");
        break;
      }
    }
  });
export type MockRequest = z.infer<typeof MockRequestSchema>;

export const LevelManifestSchema = z
  .object({
    id: slug,
    title: z.string().min(3),
    category: LevelCategorySchema,
    difficulty: z.enum(["easy", "medium", "hard"]),
    /** Par time to mitigate, in minutes. */
    parMinutes: z.number().int().positive(),
    /** What the player is told: symptoms only, never the cause. */
    briefing: z.string().min(10),
    objectives: z.array(z.string().min(1)).min(1),
    /** Victim stack folder under levels/ (default: the three-tier stack in levels/_stack). */
    stack: z.string().default("_stack"),
    /** Instances a player may open a shell on. */
    shells: z.array(instanceName).min(1),
    /**
     * Stack volumes this level sizes its own way, `"<instance>/<volume>": sizeMb` (lib/levels/level-stack.ts).
     * A volume is a capped tmpfs: what a level fills costs the host its size in memory for as long as the
     * environment lives, pooled or played.
     */
    volumeSizes: z
      .record(
        z.string().regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/, "must name a stack volume as '<instance>/<volume>'"),
        z.number().int().positive().max(1024),
      )
      .default({}),
    /** How the player reaches the app as its users see it. */
    app: z
      .object({
        instance: instanceName.default("proxy"),
        port: z.number().int().default(80),
        path: z.string().default("/"),
      })
      .strict()
      .default({ instance: "proxy", port: 80, path: "/" }),
    /** Source the player may read (paths inside the app instance). */
    code: z.array(z.string()).default(["/srv/app/src"]),
    hints: z.array(HintSchema).min(1),
    rubric: z
      .object({
        report: z.array(RubricCriterionSchema).min(1),
        postmortem: z.array(RubricCriterionSchema).min(1),
      })
      .strict(),
    params: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/), ParamSpecSchema).default({}),
    /**
     * Pre-broken pools (levels/README.md, "Pools"): "prebroken" (default) applies the fault when the
     * pool is filled (a named export `onClaim` of fault.ts re-deals, at claim, what depends on the
     * clock); "at-claim" pools healthy environments and runs the whole fault at claim; "off" never pools.
     */
    pool: z.enum(["prebroken", "at-claim", "off"]).default("prebroken"),
    /** TypeScript module in the level folder whose default export applies the fault. */
    fault: z
      .object({ module: z.string().default("fault.ts") })
      .strict()
      .default({ module: "fault.ts" }),
    /** TypeScript module whose default export judges whether the root cause is fixed. */
    check: z
      .object({ module: z.string().default("check.ts"), timeoutSeconds: z.number().int().positive().default(30) })
      .strict()
      .default({ module: "check.ts", timeoutSeconds: 30 }),
    mockClient: z
      .object({
        ratePerSecond: z.number().positive().max(20).default(2),
        requests: z.array(MockRequestSchema).min(1),
        /** Where the app answers behind the proxy: uploads are read back there (upload-readback). */
        backend: z
          .object({ instance: instanceName.default("app"), port: z.number().int().positive().default(3000) })
          .strict()
          .default({ instance: "app", port: 3000 }),
        /**
         * The pages and the API on two origins served by the same entry (name-based hosts): pages are
         * loaded as `http://<pages>`, API calls go to `http://<api>` with that Origin, preceded by a
         * preflight when a browser would send one, and an answer the CORS rules refuse counts as failed
         * (levels/_lib/cors.ts). `credentials`: the front end's fetches include cookies. `{{name}}` expanded.
         */
        crossOrigin: z
          .object({
            pages: z.string().regex(hostTemplate, "a host name like www.shop.test"),
            api: z.string().regex(hostTemplate, "a host name like api.shop.test"),
            credentials: z.boolean().default(false),
          })
          .strict()
          .optional(),
      })
      .strict(),
    /** Used by tests: the fix a good operator applies. */
    referenceFix: z.array(ShellStepSchema).min(1),
    /** Used by tests: a plausible fix of the symptom only, which the check must reject. */
    symptomFix: z.array(ShellStepSchema).min(1),
    /**
     * Used by tests: other real fixes an engineer might choose (the check tests the invariant,
     * not one textual form of the reference fix), each of which the check must accept.
     */
    alternativeFixes: z
      .array(NamedStepsSchema)
      .default([])
      .refine((list) => new Set(list.map((i) => i.id)).size === list.length, "alternative fix ids must be unique"),
    /**
     * Used by tests: this level's own attempts to fool the check without fixing the cause (on top
     * of the shared tamper suite every level inherits), each of which the check must still reject.
     */
    tampers: z
      .array(NamedStepsSchema)
      .default([])
      .refine((list) => new Set(list.map((i) => i.id)).size === list.length, "tamper ids must be unique"),
    /** Facilitator notes. Never sent to players. */
    solution: z.string().min(10),
    /** Second faults a facilitator may trigger during a game day (facilitator-only). */
    injects: z
      .array(LevelInjectSchema)
      .default([])
      .refine((list) => new Set(list.map((i) => i.id)).size === list.length, "inject ids must be unique"),
  })
  .strict();

export type LevelManifest = z.infer<typeof LevelManifestSchema>;
/** What a player may see of a level: no fault, check, fixes or solution. */
export type PublicLevel = Pick<
  LevelManifest,
  "id" | "title" | "category" | "difficulty" | "parMinutes" | "briefing" | "objectives" | "shells" | "app"
>;
