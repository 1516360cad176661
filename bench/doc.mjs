// Writes a benchmark's table between `<!-- bench:NAME -->` and
// `<!-- /bench:NAME -->` in a Markdown document, with the date and machine.
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

export function machine() {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${cpus().length} × ${cpu.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function replaceSection(path, name, body) {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const doc = readFileSync(path, "utf8");
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  if (start < 0 || end < start) throw new Error(`${path} has no ${open} … ${close} section`);
  const stamp = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`;
  writeFileSync(path, `${doc.slice(0, start + open.length)}\n${stamp}\n\n${body}\n${doc.slice(end)}`);
}
