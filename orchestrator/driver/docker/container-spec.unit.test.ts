import assert from "node:assert/strict";
import { test } from "node:test";
import { StackInstanceSchema } from "../../../lib/levels/stack-schema";
import type { SlotIdentity } from "../labels";
import { instanceContainerSpec, keeperContainerSpec } from "./container-spec";

const id: SlotIdentity = {
  orchestratorId: "o1",
  slot: "env-1",
  stack: "_stack",
  environment: "env-1",
  attempt: "a",
  level: "l",
  seed: "s",
  pool: false,
};
const db = StackInstanceSchema.parse({
  name: "db",
  command: ["/init", "db"],
  healthcheck: ["CMD-SHELL", "pg_isready"],
  memoryMb: 256,
  cpus: 0.5,
  pids: 128,
  nofile: 2048,
  capAdd: ["CHOWN", "SETUID"],
  volumes: [{ name: "data", mountPath: "/var/lib/postgresql", sizeMb: 64 }],
  tmpfs: { "/run": "size=8m" },
});

test("an instance drops every capability but its own, and cannot gain privileges", () => {
  const spec = instanceContainerSpec(id, db, "img", "net");
  assert.deepEqual(spec.HostConfig?.CapDrop, ["ALL"]);
  assert.deepEqual(spec.HostConfig?.CapAdd, ["CHOWN", "SETUID"]);
  assert.deepEqual(spec.HostConfig?.SecurityOpt, ["no-new-privileges"]);
  assert.equal(spec.HostConfig?.Privileged, false);
  // Default seccomp profile kept: no seccomp=unconfined, no apparmor override.
  assert.ok(!(spec.HostConfig?.SecurityOpt ?? []).some((o) => o.startsWith("seccomp") || o.startsWith("apparmor")));
});

test("limits: memory without swap, CPU, pids, open files, bounded logs", () => {
  const h = instanceContainerSpec(id, db, "img", "net").HostConfig;
  assert.equal(h?.Memory, 256 * 1024 * 1024);
  assert.equal(h?.MemorySwap, h?.Memory);
  assert.equal(h?.NanoCpus, 0.5e9);
  assert.equal(h?.PidsLimit, 128);
  assert.deepEqual(h?.Ulimits, [{ Name: "nofile", Soft: 2048, Hard: 2048 }]);
  assert.deepEqual(h?.LogConfig, { Type: "json-file", Config: { "max-size": "5m", "max-file": "2" } });
});

test("no Docker socket, no bind mounts, no published ports; its own network and name", () => {
  const spec = instanceContainerSpec(id, db, "img", "net");
  const h = spec.HostConfig;
  assert.equal(h?.Binds, undefined);
  assert.ok((h?.Mounts ?? []).every((m) => m.Type === "volume" && !String(m.Source).includes("docker.sock")));
  assert.deepEqual(h?.PortBindings, {});
  assert.equal(h?.PublishAllPorts, false);
  assert.equal(spec.ExposedPorts, undefined);
  assert.equal(h?.NetworkMode, "net");
  assert.deepEqual(spec.NetworkingConfig?.EndpointsConfig?.net?.Aliases, ["db"]);
  assert.equal(spec.Hostname, "db");
  assert.equal(h?.Sysctls?.["net.ipv6.conf.all.disable_ipv6"], "1");
  assert.deepEqual(h?.Mounts?.[0], { Type: "volume", Source: "fd-o1-env-1-db-data", Target: "/var/lib/postgresql" });
});

test("the keeper mounts every volume, has no network and almost no resources", () => {
  const spec = keeperContainerSpec(id, [db], "img");
  assert.equal(spec.HostConfig?.NetworkMode, "none");
  assert.deepEqual(spec.HostConfig?.CapDrop, ["ALL"]);
  assert.equal(spec.HostConfig?.CapAdd, undefined);
  assert.deepEqual(
    spec.HostConfig?.Mounts?.map((m) => m.Source),
    ["fd-o1-env-1-db-data"],
  );
  assert.equal(spec.Labels?.["firedrill.role"], "keeper");
});

test("the writable layer is capped when the engine can, and only then", () => {
  assert.deepEqual(instanceContainerSpec(id, db, "img", "net", {}, "1400M").HostConfig?.StorageOpt, { size: "1400M" });
  assert.equal(instanceContainerSpec(id, db, "img", "net").HostConfig?.StorageOpt, undefined);
  assert.deepEqual(keeperContainerSpec(id, [db], "img", "980M").HostConfig?.StorageOpt, { size: "980M" });
});
