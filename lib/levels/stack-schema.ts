/**
 * The victim stack contract: `levels/<stack>/stack.yaml` describes one image and
 * the instances (containers) an environment runs from it. The orchestrator
 * builds the image and provisions the instances; levels then break them.
 */
import { z } from "zod";

const instanceName = z.string().regex(/^[a-z][a-z0-9-]*$/);

export const StackVolumeSchema = z
  .object({
    /** Volume name, unique within the instance. */
    name: z.string().regex(/^[a-z][a-z0-9-]*$/),
    mountPath: z.string().startsWith("/"),
    /** Size cap: the volume is a size-limited filesystem, so filling it never fills the host disk. */
    sizeMb: z.number().int().positive().max(1024),
  })
  .strict();

export const StackInstanceSchema = z
  .object({
    name: instanceName,
    /** Command the container runs (its init; it supervises the instance's services). */
    command: z.array(z.string()).min(1),
    env: z.record(z.string(), z.string()).default({}),
    /** Docker healthcheck test, e.g. ["CMD-SHELL", "pg_isready -q"]. */
    healthcheck: z.array(z.string()).min(2),
    memoryMb: z.number().int().positive().max(4096),
    cpus: z.number().positive().max(2),
    pids: z.number().int().positive().max(4096),
    /**
     * What the instance may write to its own filesystem (the container's writable layer, beyond
     * its volumes and tmpfs), in MB. Past it a write fails inside the instance (ENOSPC/EDQUOT);
     * enforced when the engine can cap a writable layer (see docs/SECURITY.md).
     */
    diskMb: z.number().int().positive().max(8192).default(256),
    nofile: z.number().int().positive().max(65536).default(4096),
    /** Capabilities kept; everything else is dropped. */
    capAdd: z.array(z.string().regex(/^[A-Z_]+$/)).default([]),
    volumes: z.array(StackVolumeSchema).default([]),
    /** tmpfs mounts, e.g. { "/run": "size=16m" }. */
    tmpfs: z.record(z.string(), z.string()).default({}),
  })
  .strict();
export type StackInstance = z.infer<typeof StackInstanceSchema>;

export const StackManifestSchema = z
  .object({
    image: z
      .object({
        /** Dockerfile in the stack folder. Its first stage starts `FROM ${BASE_IMAGE}`. */
        dockerfile: z.string().default("Dockerfile"),
        /** Node services bundled on the host with esbuild and copied into the build context. */
        bundles: z.array(z.object({ entry: z.string(), out: z.string() }).strict()).default([]),
        /**
         * Files from the host's node modules copied into the build context, e.g. the esbuild
         * binary an instance's deploy tool builds with: `{ module: "@esbuild/linux-x64/bin/esbuild", out: "tools/esbuild" }`.
         */
        hostFiles: z.array(z.object({ module: z.string(), out: z.string() }).strict()).default([]),
      })
      .strict(),
    instances: z.array(StackInstanceSchema).min(1),
  })
  .strict();
export type StackManifest = z.infer<typeof StackManifestSchema>;
