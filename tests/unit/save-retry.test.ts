import assert from "node:assert/strict";
import { test } from "node:test";
import { SAVE_RETRY_MAX_MS, isPassingFailure, saveRetryDelayMs } from "@/components/shared/autosave/save-retry";

test("a server error (5xx) is retried with backoff, like a lost connection", () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map((n) => saveRetryDelayMs(503, n)),
    [2000, 4000, 8000, 16000, 30000, 30000],
  );
  assert.equal(saveRetryDelayMs(500, 1), 2000);
  assert.equal(saveRetryDelayMs(0, 3), 8000);
  assert.equal(saveRetryDelayMs(429, 1), 2000);
});

test("the backoff never exceeds its ceiling, even after hours of failures", () => {
  assert.equal(saveRetryDelayMs(502, 10_000), SAVE_RETRY_MAX_MS);
});

test("refusals that waiting cannot fix are not retried", () => {
  for (const status of [400, 401, 403, 404, 409, 422]) {
    assert.equal(saveRetryDelayMs(status, 1), null, String(status));
    assert.equal(isPassingFailure(status), false);
  }
});
