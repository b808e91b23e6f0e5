/** /environments/:id/recordings: terminal recordings, listed and served from disk (they outlive the environment). */
import { createReadStream } from "node:fs";
import type { Orchestrator } from "../../service";
import { listRecordings, recordingFile, recordingsDirOf } from "../../terminals/recordings";
import type { Route } from "../router";

export function recordingRoutes(orch: Orchestrator): Route[] {
  const dir = recordingsDirOf(orch.config.stateDir);
  return [
    {
      method: "GET",
      path: "/environments/:id/recordings",
      handler: async ({ params }) => [200, { recordings: await listRecordings(dir, params.id as string) }],
    },
    {
      method: "GET",
      path: "/environments/:id/recordings/:session",
      handler: async ({ params, res }) => {
        const { file, bytes } = await recordingFile(dir, params.id as string, params.session as string);
        res.writeHead(200, {
          "content-type": "application/x-asciicast; charset=utf-8",
          "content-length": bytes,
          "cache-control": "no-store",
        });
        if (bytes === 0) return void res.end();
        // A live session's file grows: serve exactly the bytes counted above.
        await new Promise<void>((resolve) => {
          const stream = createReadStream(file, { start: 0, end: Math.max(0, bytes - 1) });
          stream.on("error", () => (res.destroy(), resolve()));
          stream.on("end", () => resolve());
          stream.pipe(res);
        });
        return undefined;
      },
    },
  ];
}
