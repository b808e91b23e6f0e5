/** Console output of the set-up scripts: one prefix, so it reads apart from the children's logs. */
export function say(line: string): void {
  console.log(`[firedrill] ${line}`);
}

export function sayBlock(lines: string[]): void {
  const width = Math.max(...lines.map((l) => l.length));
  console.log(`\n${"=".repeat(width)}\n${lines.join("\n")}\n${"=".repeat(width)}\n`);
}
