/**
 * Make a Debian bookworm root filesystem with debootstrap (no registry needed,
 * only Debian's mirror over plain HTTP) and import it as an image.
 */
import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importImage } from "../docker/images";
import { OrchestratorError } from "../errors";
import { spawnLines } from "./spawn-lines";

const MIRROR = "http://deb.debian.org/debian";
const SOURCES = `deb ${MIRROR} bookworm main\n`;

/** apt inside image builds needs the mirror over HTTP (HTTPS certificates fail offline). */
export async function ensureSourcesList(root: string): Promise<void> {
  const file = join(root, "etc/apt/sources.list");
  const text = await readFile(file, "utf8").catch(() => "");
  if (!text.includes(`${MIRROR} bookworm`)) await writeFile(file, SOURCES);
}

export async function debootstrapImage(repo: string, tag: string, onLine: (l: string) => void): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new OrchestratorError(
      "failed",
      "cannot make the base image: no registry answered and debootstrap needs root. Run as root, or pull debian:bookworm-slim.",
    );
  }
  const dir = await mkdtemp(join(tmpdir(), "firedrill-rootfs-"));
  try {
    onLine(`debootstrap --variant=minbase bookworm ${dir} ${MIRROR}`);
    await spawnLines("debootstrap", ["--variant=minbase", "bookworm", dir, MIRROR], onLine, { timeoutMs: 15 * 60_000 });
    await ensureSourcesList(dir);
    // Smaller image: downloaded packages and lists are not needed (apt-get update runs in builds).
    for (const sub of ["var/cache/apt/archives", "var/lib/apt/lists"]) {
      for (const f of await readdir(join(dir, sub)).catch(() => [] as string[])) {
        if (f.endsWith(".deb") || f.includes("_dists_")) await rm(join(dir, sub, f), { force: true });
      }
    }
    // The tar's "./" becomes the image's "/": mkdtemp made it 0700, which storage drivers that keep
    // it (btrfs) turn into a root no other user can cross (postgres, app: "permission denied").
    await chmod(dir, 0o755);
    onLine(`importing ${dir} as ${repo}:${tag}`);
    const tar = spawn("tar", ["-C", dir, "--numeric-owner", "-c", "."], { stdio: ["ignore", "pipe", "pipe"] });
    let tarErr = "";
    tar.stderr.on("data", (b: Buffer) => (tarErr += b.toString()));
    const tarDone = new Promise<void>((resolve, reject) =>
      tar.on("close", (code) =>
        code === 0
          ? resolve()
          : reject(new OrchestratorError("failed", `tar exited with ${code}: ${tarErr.slice(-500)}`)),
      ),
    );
    await Promise.all([importImage(tar.stdout, repo, tag, onLine), tarDone]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
