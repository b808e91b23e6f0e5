/**
 * The success-rate chart colours its line by value (an outage stays red after
 * the service recovers) and, in a replay, labels its axis with the replay's
 * clock instead of the live room's "now" and "waiting for traffic…".
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { SliChart } from "../../components/shared/SliChart";
import type { SliSample } from "../../lib/contracts/orchestrator-api";

function sample(sec: number, successRate: number): SliSample {
  return {
    at: new Date(Date.UTC(2026, 11, 1, 0, 0, sec)).toISOString(),
    successRate,
    p50Ms: 10,
    p95Ms: 20,
    requests: 10,
    failures: Math.round((1 - successRate) * 10),
    lastError: successRate < 1 ? "413 from /api/uploads" : null,
  };
}
// An outage that recovers: 100 % → 0 % → 100 %.
const outage = [sample(0, 1), sample(10, 0), sample(20, 0), sample(30, 1), sample(40, 1)];

test("the success line is coloured by value, not by the latest sample", () => {
  const html = renderToStaticMarkup(createElement(SliChart, { samples: outage }));
  const line = /<path[^>]*data-testid="sli-rate-line"[^>]*>/.exec(html)?.[0] ?? "";
  assert.match(line, /stroke="url\(#sli-rate-by-value\)"/, "the line's colour comes from its value");
  // A hard stop at the healthy threshold (95 %): green above, red below, in the chart's coordinates.
  const gradient =
    /<linearGradient id="sli-rate-by-value"[^>]*gradientUnits="userSpaceOnUse"[^>]*>(.*?)<\/linearGradient>/.exec(html);
  assert.ok(gradient, "a gradient in user space (a flat line still gets a colour)");
  const stops = [...gradient[1]!.matchAll(/offset="([\d.]+)" stop-color="(#[0-9a-f]+)"/g)].map((m) => [
    Number(m[1]),
    m[2],
  ]);
  assert.deepEqual(
    stops.map(([, c]) => c),
    ["#16a34a", "#dc2626"],
  );
  assert.ok(Math.abs((stops[0]![0] as number) - 0.05) < 1e-9 && stops[0]![0] === stops[1]![0]);
});

test("the live chart says now; the replay chart shows its own clock", () => {
  const live = renderToStaticMarkup(createElement(SliChart, { samples: outage }));
  assert.match(live, />now</);
  assert.match(renderToStaticMarkup(createElement(SliChart, { samples: [] })), /waiting for traffic…/);
  const replay = renderToStaticMarkup(createElement(SliChart, { samples: outage, replay: true }));
  assert.doesNotMatch(replay, />now<|waiting for traffic/);
  assert.match(replay, />00:00:00 UTC</);
  assert.match(replay, />00:01:00 UTC</, "the axis ends at the replay's minute");
  assert.match(replay, /What users saw/);
  assert.doesNotMatch(
    renderToStaticMarkup(createElement(SliChart, { samples: [], replay: true })),
    /waiting for traffic/,
  );
});

test("after the fix check passes, a chart still catching up says so instead of repeating the error", () => {
  const catchingUp = [sample(0, 0), sample(10, 0.5)];
  const html = renderToStaticMarkup(createElement(SliChart, { samples: catchingUp, settling: true }));
  assert.match(html, /Fix verified\. The rate covers the last 10 s/);
  assert.doesNotMatch(html, /413 from/);
  assert.doesNotMatch(
    renderToStaticMarkup(createElement(SliChart, { samples: outage, settling: true })),
    /Fix verified/,
  );
});
