/**
 * Make a Debian bookworm root filesystem with debootstrap (no registry needed,
 * only Debian's mirror over plain HTTP) and import it as an image.
 */
import { spawn } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
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

/** What a server in a drill never reads: documentation, manuals and translations (locale.alias stays). */
const DPKG_SLIM = [
  "path-exclude /usr/share/doc/*",
  "path-exclude /usr/share/man/*",
  "path-exclude /usr/share/info/*",
  "path-exclude /usr/share/locale/*",
  "path-include /usr/share/locale/locale.alias",
].join("\n");
/** Downloaded packages are deleted after each install rather than kept in the image's layer. */
const APT_NO_CACHE = [
  'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };',
  'Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";',
].join("\n");

/** Remove what DPKG_SLIM excludes from the packages debootstrap already unpacked, and keep it out of later installs. */
export async function slimRootfs(root: string): Promise<void> {
  for (const sub of ["usr/share/doc", "usr/share/man", "usr/share/info"]) {
    await rm(join(root, sub), { recursive: true, force: true });
    await mkdir(join(root, sub), { recursive: true });
  }
  const locales = join(root, "usr/share/locale");
  for (const f of await readdir(locales).catch(() => [] as string[])) {
    if (f !== "locale.alias") await rm(join(locales, f), { recursive: true, force: true });
  }
  await writeFile(join(root, "etc/dpkg/dpkg.cfg.d/01-slim"), `${DPKG_SLIM}\n`);
  await writeFile(join(root, "etc/apt/apt.conf.d/01-no-cache"), `${APT_NO_CACHE}\n`);
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
    await slimRootfs(dir);
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
