/**
 * The app's directories judged by what the engine sees (not a player's `stat`): what each is and
 * who may write to it. A world-writable directory "works" for the app and for everyone else too.
 */
import type { FileFacts, Observe } from "../_sdk";

export const octal = (mode: number): string => mode.toString(8).padStart(4, "0");

/** What is wrong with the directory at `path` (following one symlink), or null. */
export async function directoryProblem(observe: Observe, path: string): Promise<string | null> {
  let facts: FileFacts | null = await observe.file("app", path);
  if (!facts) return `${path} does not exist`;
  let where = path;
  if (facts.type === "symlink") {
    const target = facts.linkTarget.startsWith("/")
      ? facts.linkTarget
      : `${path.slice(0, path.lastIndexOf("/"))}/${facts.linkTarget}`;
    facts = await observe.file("app", target);
    if (!facts) return `${path} is a link to ${target}, which does not exist`;
    where = `${path} (a link to ${target})`;
  }
  if (facts.type !== "directory") return `${where} is not a directory`;
  if ((facts.mode & 0o002) !== 0)
    return (
      `${where} is writable by every user of the machine (mode ${octal(facts.mode)}): any process or account there ` +
      `could delete, replace or plant customers' files; only the app's user (or its group) should write there`
    );
  return null;
}
