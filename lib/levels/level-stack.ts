/**
 * The stack as one level runs it: the stack's manifest with the level's own volume sizes
 * (`volumeSizes` in level.yaml). Pure: the orchestrator builds a level's environments, pooled
 * or played, from this, and the warm pool (built before any level is known) holds only levels
 * that size nothing their own way.
 */
import type { StackManifest } from "./stack-schema";

export type VolumeSizes = Readonly<Record<string, number>>;

/** What is wrong with a level's volume sizes against its stack: each entry names the key. */
export function volumeSizeProblems(stack: StackManifest, sizes: VolumeSizes): string[] {
  return Object.keys(sizes).flatMap((key) => {
    const [instance, volume] = key.split("/");
    const inst = stack.instances.find((i) => i.name === instance);
    if (!inst) return [`volumeSizes.${key}: the stack has no instance "${instance}"`];
    if (!inst.volumes.some((v) => v.name === volume))
      return [
        `volumeSizes.${key}: instance "${instance}" has no volume "${volume}" (it has: ${inst.volumes.map((v) => v.name).join(", ") || "none"})`,
      ];
    return [];
  });
}

/** The stack with the level's sizes applied (the stack itself when the level sizes nothing). */
export function levelStack(stack: StackManifest, sizes: VolumeSizes): StackManifest {
  const problems = volumeSizeProblems(stack, sizes);
  if (problems.length > 0) throw new Error(problems.join("; "));
  if (Object.keys(sizes).length === 0) return stack;
  return {
    ...stack,
    instances: stack.instances.map((inst) => ({
      ...inst,
      volumes: inst.volumes.map((v) => ({ ...v, sizeMb: sizes[`${inst.name}/${v.name}`] ?? v.sizeMb })),
    })),
  };
}
