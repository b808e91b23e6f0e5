/**
 * Fixed when, from observations the player cannot rewrite:
 *   - an upload through the proxy reads back byte for byte from the app and is in the database, and a
 *     sign-up (which queues a welcome email in the outbox) is stored: the app can write where it must;
 *   - the upload's file on disk was written by the app's own user, not root, and no node process runs as root;
 *   - the data volume, the uploads and the outbox directories (a link followed) are directories that are not
 *     writable by every user of the machine (`chmod 777` / `o+w` gives everyone the access the app needed).
 */
import { unjudged, type CheckContext, type Verdict } from "../_sdk";
import { baseline } from "../_lib/baseline";
import { requestJson, shown } from "../_lib/http";
import { uploadAndReadBack } from "../_lib/upload";
import { APP_DIRS } from "./mechanisms";
import { directoryProblem, octal } from "./permissions";
import { rootUid } from "./root-uid";

const WRITE_TIMEOUT_MS = 15_000;
const BUSY = "The shop answers too slowly right now to tell (even browsing the products is slow).";
const fail = (message: string): Verdict => ({ passed: false, message });

async function signupProblem(ctx: CheckContext): Promise<{ problem: string; silent: boolean } | null> {
  const email = `robin.${Date.now().toString(36)}@example.com`;
  const res = await requestJson(ctx.observe, "/api/users", {
    method: "POST",
    json: { name: "Robin Check", email },
    timeoutMs: WRITE_TIMEOUT_MS,
  });
  if (res.status !== 201)
    return {
      problem: `a sign-up answers ${res.status || "nothing"}${res.json?.error ? `: ${shown(res.json.error)}` : ""}`,
      silent: res.status === 0,
    };
  const rows = await ctx.observe.sql("SELECT 1 AS ok FROM public.users WHERE email = $1", [email]);
  return rows.length === 1 ? null : { problem: "a sign-up answers 201, but the customer is not stored", silent: false };
}

export default async function check(ctx: CheckContext): Promise<Verdict> {
  const upload = await uploadAndReadBack(ctx.observe, 64 * 1024, { timeoutMs: WRITE_TIMEOUT_MS });
  const signup = upload.stored ? await signupProblem(ctx) : null;
  const failing = !upload.stored ? { problem: `an upload ${upload.problem}`, silent: upload.status === 0 } : signup;
  if (failing) {
    if (failing.silent && !(await baseline(ctx.observe, "/api/products?page=1", 3000)).answers) return unjudged(BUSY);
    return fail(`Customers still cannot save everything: ${failing.problem}.`);
  }
  if (!upload.stored) return fail("Uploads still fail.");

  const processes = await ctx.observe.processes("app");
  const root = rootUid(processes);
  if (root === null) return unjudged("The app instance's processes could not be seen right now.");
  const file = await ctx.observe.file("app", `/var/lib/app/uploads/${upload.id}`);
  if (!file || file.type !== "file")
    return fail(`Upload ${upload.id} reads back, but it is not a file in /var/lib/app/uploads.`);
  if (file.uid === root)
    return fail(
      `Uploads work, but upload ${upload.id} was written by root: the shop runs with every privilege on the machine instead of as its own user.`,
    );
  if ((file.mode & 0o002) !== 0)
    return fail(
      `Uploads work, but upload ${upload.id} is writable by every user of the machine (mode ${octal(file.mode)}).`,
    );
  const rootNode = processes.find((p) => p.uid === root && /^(\S*\/)?node\s/.test(p.command));
  if (rootNode) return fail(`Uploads work, but a node process runs as root on the app instance (pid ${rootNode.pid}).`);

  for (const dir of APP_DIRS) {
    const problem = await directoryProblem(ctx.observe, dir);
    if (problem) return fail(`Uploads work, but ${problem}.`);
  }
  return {
    passed: true,
    message:
      "Uploads and sign-ups are stored, written by the app's own user, and its directories are not open to everyone.",
  };
}
