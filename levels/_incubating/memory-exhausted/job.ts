/**
 * The job that eats the app instance's memory: a "cache warmer" that keeps what it builds in
 * memory, in several workers, each growing until the instance (its memory cgroup, the limit the
 * engine set) has almost nothing left. The workers stay smaller than the app, so when the kernel
 * must kill something it is the app that dies; it comes back into a full machine.
 */
export interface CacheJob {
  job: string;
  ticket: string | number;
  /** "perl" or "node": what the workers are written in. */
  runtime: string;
  workers: number;
}

/** A worker stops growing when the instance has this little left (anonymous + tmpfs memory vs its limit). */
export const HEADROOM_MB = 14;
/** And never grows past this, so the app (about 60 MB) is the largest process. */
export const WORKER_CAP_MB = 40;

const PERL_WORKER = String.raw`
my ($name, $n, $headroom, $cap) = @ARGV; $0 = "$name: warming partition $n";
sub slurp { open(my $f, "<", $_[0]) or return undef; local $/; my $t = <$f>; close $f; $t }
sub left {
  my ($limit, $stat) = (slurp("/sys/fs/cgroup/memory.max"), slurp("/sys/fs/cgroup/memory.stat"));
  my $used = 0;
  if (defined $limit) { $used += $1 while $stat =~ /^(?:anon|shmem) (\d+)$/mg; }
  else { $limit = slurp("/sys/fs/cgroup/memory/memory.limit_in_bytes"); $stat = slurp("/sys/fs/cgroup/memory/memory.stat");
         $used += $1 while $stat =~ /^total_(?:rss|shmem) (\d+)$/mg; }
  return ($limit + 0) - $used;
}
my @cache;
while (1) {
  if (@cache * 2 < $cap && left() > $headroom * 1048576) { push @cache, sprintf("%-2097152s", "partition $n chunk " . scalar(@cache)); select(undef, undef, undef, 0.05); next; }
  substr($_, 0, 1) = "p" for @cache; sleep 2;
}`;

const NODE_WORKER = String.raw`
const [name, n, headroom, cap] = process.argv.slice(1); process.title = name + ": warming partition " + n;
const fs = require("fs"); const read = (p) => { try { return fs.readFileSync(p, "utf8"); } catch { return null; } };
function left() {
  let limit = read("/sys/fs/cgroup/memory.max"), stat = read("/sys/fs/cgroup/memory.stat"), used = 0, re = /^(?:anon|shmem) (\d+)$/gm;
  if (limit === null) { limit = read("/sys/fs/cgroup/memory/memory.limit_in_bytes"); stat = read("/sys/fs/cgroup/memory/memory.stat"); re = /^total_(?:rss|shmem) (\d+)$/gm; }
  for (const m of stat.matchAll(re)) used += Number(m[1]);
  return Number(limit) - used;
}
const cache = [];
(function grow() {
  if (cache.length * 2 < Number(cap) && left() > Number(headroom) * 1048576) { cache.push(Buffer.alloc(2097152, "partition " + n)); return setTimeout(grow, 50); }
  for (const b of cache) b[0] = 112; setTimeout(grow, 2000);
})();`;

/** The job's script (`/usr/local/bin/<job>`): starts the workers and waits for them. */
export function cacheScript(c: CacheJob): string {
  const worker =
    c.runtime === "node"
      ? `node -e '${NODE_WORKER.replace(/'/g, `'"'"'`)}'`
      : `perl -e '${PERL_WORKER.replace(/'/g, `'"'"'`)}'`;
  return [
    `#!/bin/sh`,
    `# ${c.job}: keeps the catalogue report cache warm in memory (OPS-${c.ticket}).`,
    `# One worker per partition; they hold what they build until the job is stopped.`,
    `trap 'kill $(jobs -p) 2>/dev/null; exit 0' TERM INT`,
    `for n in $(seq 1 ${c.workers}); do`,
    `  ${worker} ${c.job} "$n" ${HEADROOM_MB} ${WORKER_CAP_MB} &`,
    `done`,
    `wait`,
  ].join("\n");
}
