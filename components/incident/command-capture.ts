/**
 * Reconstructs the command lines a player types from the terminal's input
 * stream, for the timeline: printable keys build the line, Backspace edits it,
 * Enter submits it, Ctrl-C/Ctrl-U discard it. Arrow keys and Tab make the line
 * unknowable, so it is marked approximate with a trailing "…". Pure.
 */
export class CommandCapture {
  private line = "";
  private fuzzy = false;

  /** Feeds input; returns the lines completed by it. */
  feed(data: string): string[] {
    const out: string[] = [];
    if (data.startsWith("\x1b")) {
      // Cursor keys, history recall, function keys: the line is now a guess.
      if (data !== "\x1b") this.fuzzy = true;
      return out;
    }
    for (const ch of data) {
      if (ch === "\r" || ch === "\n") {
        const cmd = this.line.trim();
        if (cmd) out.push(this.fuzzy ? `${cmd} …` : cmd);
        else if (this.fuzzy) out.push("(recalled from history) …");
        this.line = "";
        this.fuzzy = false;
      } else if (ch === "\x7f" || ch === "\b") {
        this.line = this.line.slice(0, -1);
      } else if (ch === "\x03" || ch === "\x15") {
        this.line = "";
        this.fuzzy = false;
      } else if (ch === "\t") {
        this.fuzzy = true;
      } else if (ch >= " ") {
        this.line += ch;
      }
    }
    return out;
  }
}
