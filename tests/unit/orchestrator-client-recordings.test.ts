/** The web app's client for the recording endpoints: paths encoded, JSON checked, casts as text, failures as AppError. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { isAppError } from "../../lib/errors";
import { orchestrator, type OrchestratorConfig } from "../../lib/orchestrator-client/client";

function config(answer: (url: URL) => Response | Promise<Response>, asked: string[] = []): OrchestratorConfig {
  return {
    url: "http://orchestrator.test",
    secret: "s".repeat(32),
    fetch: (input) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      asked.push(url.pathname);
      return Promise.resolve(answer(url));
    },
  };
}

const summary = {
  session: "abc",
  instance: "proxy",
  user: "Ada",
  title: "env-a proxy (Ada)",
  startedAt: "2025-01-01T10:00:00.000Z",
  durationSeconds: 3.5,
  bytes: 120,
};

test("listRecordings validates the answer; getRecording streams the cast; ids are encoded", async () => {
  const asked: string[] = [];
  const list = await orchestrator.listRecordings(
    "env-a",
    config(() => Response.json({ recordings: [summary] }), asked),
  );
  assert.deepEqual(list.recordings, [summary]);
  const cast = '{"version":2,"width":80,"height":24}\n[0.1,"o","$ "]\n';
  const streamed = await orchestrator.getRecording(
    "env-a",
    "a/../b",
    config(() => new Response(cast, { headers: { "content-length": String(cast.length) } }), asked),
  );
  assert.equal(streamed.bytes, cast.length);
  assert.equal(await new Response(streamed.body).text(), cast);
  assert.deepEqual(asked, ["/environments/env-a/recordings", "/environments/env-a/recordings/a%2F..%2Fb"]);
});

test("failures: a bad shape or no answer is UNAVAILABLE, the orchestrator's not_found is NOT_FOUND", async () => {
  const code = async (p: Promise<unknown>) => {
    try {
      await p;
      return "resolved";
    } catch (err) {
      return isAppError(err) ? err.code : "other";
    }
  };
  assert.equal(
    await code(
      orchestrator.listRecordings(
        "env-a",
        config(() => Response.json({ recordings: [{ session: 1 }] })),
      ),
    ),
    "UNAVAILABLE",
  );
  assert.equal(
    await code(
      orchestrator.getRecording(
        "env-a",
        "x",
        config(() => Response.json({ error: { code: "not_found", message: "no" } }, { status: 404 })),
      ),
    ),
    "NOT_FOUND",
  );
  const down: OrchestratorConfig = {
    url: "http://orchestrator.test",
    secret: "s".repeat(32),
    fetch: () => Promise.reject(new TypeError("fetch failed")),
  };
  assert.equal(await code(orchestrator.listRecordings("env-a", down)), "UNAVAILABLE");
  assert.equal(await code(orchestrator.getRecording("env-a", "x", down)), "UNAVAILABLE");
});
