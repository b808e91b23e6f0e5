/**
 * The job that eats the app instance's memory: a "cache warmer" that keeps what it builds in memory,
 * one worker per partition, and rebuilds the whole cache every few seconds the blue-green way: a fresh
 * set of workers builds it while the previous set still holds the old one, then the old set is
 * retired. Between rebuilds the instance keeps tens of MB free (a shell and a player's tools work);
 * during each rebuild the two sets together need more than the instance has, and the kernel's OOM
 * killer takes the largest process, the app (the workers are each smaller): runit restarts it a few
 * seconds later, and customers see it fail "sometimes", and slow.
 */
export interface CacheJob {
  job: string;
  ticket: string | number;
}

/** The cache, in percent of the instance's memory limit, held between rebuilds (about 80 MB of 192). */
export const CACHE_SHARE = 42;
/** Workers per set: each holds a slice, so each stays much smaller than the app. */
export const WORKERS = 6;
/** Seconds between two rebuilds, and how long the new set builds before the old one is retired. */
export const REBUILD_SECONDS = 8;
export const BUILD_SECONDS = 3;

const PERL_WORKER = String.raw`
my ($name, $n, $mb) = @ARGV; $0 = "$name: warming partition $n";
my @cache;
while (1) {
  if (@cache * 2 < $mb) { push @cache, sprintf("%-2097152s", "partition $n chunk " . scalar(@cache)); select(undef, undef, undef, 0.02); next; }
  substr($_, 0, 1) = "p" for @cache; sleep 2;
}`;

/** The job's script (`/usr/local/bin/<job>`): rebuilds the cache again and again until it is stopped. */
export function cacheScript(c: CacheJob): string {
  const worker = `perl -e '${PERL_WORKER.replace(/'/g, `'"'"'`)}'`;
  return [
    `#!/bin/sh`,
    `# ${c.job}: keeps the catalogue report cache warm in memory (OPS-${c.ticket}).`,
    `# One worker per partition. The cache is rebuilt every ${REBUILD_SECONDS} s: a fresh set of workers builds it,`,
    `# then the previous set is retired, so readers never see a cold cache.`,
    `trap 'kill $old $new 2>/dev/null; exit 0' TERM INT`,
    `limit=$(cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes)`,
    `case "$limit" in ''|max) limit=201326592 ;; esac`,
    `mb=$(( limit / 1048576 * ${CACHE_SHARE} / 100 / ${WORKERS} ))`,
    `old=""`,
    `while :; do`,
    `  new=""`,
    `  for n in $(seq 1 ${WORKERS}); do`,
    `    ${worker} ${c.job} "$n" "$mb" &`,
    `    new="$new $!"`,
    `  done`,
    `  sleep ${BUILD_SECONDS}`,
    `  [ -z "$old" ] || kill $old 2>/dev/null`,
    `  old=$new`,
    `  sleep ${REBUILD_SECONDS - BUILD_SECONDS}`,
    `done`,
  ].join("\n");
}
