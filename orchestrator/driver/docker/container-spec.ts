/**
 * What a victim instance (and its volume keeper) looks like to Docker. Pure, so
 * the security posture is unit-tested: every capability dropped except the
 * stack's list, no privilege escalation, memory without swap, CPU, pids and
 * open-file caps, bounded logs, no published ports, no Docker socket, no IPv6,
 * and (when the engine can) a size cap on the container's own writable layer.
 */
import type { ContainerCreateOptions } from "dockerode";
import type { StackInstance } from "../../../lib/levels/stack-schema";
import { LABEL, slotLabels, type SlotIdentity } from "../labels";
import { containerName, keeperName, volumeName } from "../names";
import { INSTANCE_CPU_SHARES } from "./cpu-budget";

const MB = 1024 * 1024;

export function instanceContainerSpec(
  id: SlotIdentity,
  instance: StackInstance,
  image: string,
  network: string,
  /** From the environment's CPU budget (cpu-budget.ts); the instance's own `cpus` otherwise. */
  cpu: { nanoCpus?: number; cgroupParent?: string } = {},
  /** `--storage-opt size=`: caps the writable layer (see engine-posture.ts); undefined when uncapped. */
  writableSize?: string,
): ContainerCreateOptions {
  return {
    name: containerName(id.orchestratorId, id.slot, instance.name),
    Image: image,
    Cmd: instance.command,
    Env: Object.entries(instance.env).map(([k, v]) => `${k}=${v}`),
    Hostname: instance.name,
    Labels: { ...slotLabels(id), [LABEL.instance]: instance.name, [LABEL.role]: "instance" },
    // Docker's own check is the slow, steady watch (reconcile reads "unhealthy"): every run is an exec, and
    // with every 3 s on 15 idle environments the engine spent most of a core on them. Boots and heals don't
    // wait for it: waitHealthy runs the same test itself every 0.5 s.
    Healthcheck: {
      Test: instance.healthcheck,
      Interval: 10e9,
      Timeout: 5e9,
      Retries: 3,
      StartPeriod: 60e9,
    },
    StopTimeout: 5,
    HostConfig: {
      CapDrop: ["ALL"],
      CapAdd: instance.capAdd,
      SecurityOpt: ["no-new-privileges"],
      Memory: instance.memoryMb * MB,
      MemorySwap: instance.memoryMb * MB,
      NanoCpus: cpu.nanoCpus ?? Math.round(instance.cpus * 1e9),
      CpuShares: INSTANCE_CPU_SHARES,
      ...(cpu.cgroupParent ? { CgroupParent: cpu.cgroupParent } : {}),
      PidsLimit: instance.pids,
      Ulimits: [{ Name: "nofile", Soft: instance.nofile, Hard: instance.nofile }],
      LogConfig: { Type: "json-file", Config: { "max-size": "5m", "max-file": "2" } },
      Mounts: instance.volumes.map((v) => ({
        Type: "volume" as const,
        Source: volumeName(id.orchestratorId, id.slot, instance.name, v.name),
        Target: v.mountPath,
      })),
      Tmpfs: instance.tmpfs,
      NetworkMode: network,
      // IPv6 link-local would reach the host around the IPv4 firewall.
      Sysctls: { "net.ipv6.conf.all.disable_ipv6": "1" },
      RestartPolicy: { Name: "no" },
      PortBindings: {},
      PublishAllPorts: false,
      Privileged: false,
      ...(writableSize ? { StorageOpt: { size: writableSize } } : {}),
    },
    NetworkingConfig: { EndpointsConfig: { [network]: { Aliases: [instance.name] } } },
  };
}

/**
 * The keeper mounts every tmpfs volume of the slot and sleeps. A tmpfs volume
 * lives while some container mounts it, so data survives an instance restart
 * (a player's fix must survive one), and Docker's copy of the image's files into
 * an empty volume (done when the instance is created) lands in a mounted tmpfs.
 */
export function keeperContainerSpec(
  id: SlotIdentity,
  instances: StackInstance[],
  image: string,
  writableSize?: string,
): ContainerCreateOptions {
  return {
    name: keeperName(id.orchestratorId, id.slot),
    Image: image,
    Cmd: ["sleep", "infinity"],
    Labels: { ...slotLabels(id), [LABEL.role]: "keeper" },
    StopTimeout: 1,
    HostConfig: {
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      Memory: 16 * MB,
      MemorySwap: 16 * MB,
      NanoCpus: 0.05e9,
      // sleep + the checks' `df` execs: runc's init is multi-threaded, and 4 made one exec in four fail
      // ("read init-p: connection reset by peer"), which turned disk checks into "could not judge".
      PidsLimit: 16,
      LogConfig: { Type: "json-file", Config: { "max-size": "1m", "max-file": "1" } },
      NetworkMode: "none",
      RestartPolicy: { Name: "no" },
      ...(writableSize ? { StorageOpt: { size: writableSize } } : {}),
      Mounts: instances.flatMap((inst) =>
        inst.volumes.map((v) => ({
          Type: "volume" as const,
          Source: volumeName(id.orchestratorId, id.slot, inst.name, v.name),
          Target: `/keep/${inst.name}/${v.name}`,
        })),
      ),
    },
  };
}
