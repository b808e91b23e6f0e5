/**
 * A "hardening" change lowers nginx's client_max_body_size below the size of
 * the files customers upload, in one of three places (server block, the
 * uploads location, or a new file in conf.d at http level), and reloads nginx.
 * nginx answers 413 itself: the app never sees those requests.
 */
import { randomBytes } from "node:crypto";
import type { LevelContext } from "../_sdk";
import { mustExec, waitFor } from "../_lib/shell";
import { UPLOAD_BYTES } from "./nginx-config";

const SITE = "/etc/nginx/sites-available/app.conf";

function editScript(placement: string, limit: string, ticket: number | string): string {
  const note = `# SEC-${ticket}: refuse request bodies larger than we need`;
  switch (placement) {
    case "server":
      return `sed -i 's|^\\(\\s*\\)client_max_body_size 25m;|\\1${note}\\n\\1client_max_body_size ${limit};|' ${SITE}`;
    case "location":
      return `sed -i 's|^\\(\\s*\\)location /api/uploads {|&\\n\\1    ${note}\\n\\1    client_max_body_size ${limit};|' ${SITE}`;
    case "http":
      return [
        `sed -i '/^\\s*# Uploads (POST \\/api\\/uploads)/d; /^\\s*client_max_body_size 25m;/d' ${SITE}`,
        `cat > /etc/nginx/conf.d/hardening.conf <<'NGINX'`,
        note,
        `client_max_body_size ${limit};`,
        `client_body_timeout 15s;`,
        `client_header_timeout 15s;`,
        `NGINX`,
      ].join("\n");
    default:
      throw new Error(`unknown placement ${placement}`);
  }
}

export default async function fault(ctx: LevelContext): Promise<void> {
  const { placement, limit, ticket } = ctx.params;
  ctx.log(`setting client_max_body_size ${limit} (${placement})`);
  await mustExec(
    ctx,
    "proxy",
    `set -e\n${editScript(String(placement), String(limit), ticket ?? 0)}\nnginx -t -q\nsv reload nginx >/dev/null`,
  );

  // The reload is asynchronous: wait until an upload of the customers' size is refused.
  const body = randomBytes(UPLOAD_BYTES);
  const refused = await waitFor(
    async () => {
      const res = await ctx.http("/api/uploads", {
        method: "POST",
        body,
        headers: { "content-type": "application/octet-stream" },
      });
      return res.status === 413 ? true : undefined;
    },
    10_000,
    300,
  );
  if (!refused) throw new Error(`nginx still accepts a ${UPLOAD_BYTES}-byte upload after the change`);
}
