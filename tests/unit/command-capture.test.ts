import assert from "node:assert/strict";
import { test } from "node:test";
import { CommandCapture } from "../../components/incident/command-capture";

test("typed lines become commands; Backspace edits, Ctrl-C discards", () => {
  const c = new CommandCapture();
  assert.deepEqual(c.feed("ls -la"), []);
  assert.deepEqual(c.feed("\x7f\x7fl\r"), ["ls -l"]);
  assert.deepEqual(c.feed("rm -rf /\x03"), []);
  assert.deepEqual(c.feed("\r"), []);
});

test("a pasted block yields each line", () => {
  assert.deepEqual(new CommandCapture().feed("nginx -t\rsv reload nginx\r"), ["nginx -t", "sv reload nginx"]);
});

test("history recall and tab completion mark the line as approximate", () => {
  const c = new CommandCapture();
  assert.deepEqual(c.feed("\x1b[A"), []);
  assert.deepEqual(c.feed("\r"), ["(recalled from history) …"]);
  c.feed("tail /var/log/ngi");
  c.feed("\t");
  assert.deepEqual(c.feed("\r"), ["tail /var/log/ngi …"]);
});
