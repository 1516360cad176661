// First-load sizes of the release build in dist/, raw, gzip -9 and brotli
// q11, per file and in total: the app (shell.html, .js, .wasm, .css), and
// what a reader downloads before a prerendered article shows (its page and
// the .css; the app then starts over it); the service worker apart.
//   node bench/sizes.mjs            print the table
//   node bench/sizes.mjs --write    also record it in docs/BENCHMARKS.md and
//                                   bench/size-baseline.json
//   node bench/sizes.mjs --check    fail when the brotli total grew more than
//                                   3% over bench/size-baseline.json (the CI gate)
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { replaceSection } from "./doc.mjs";

const dist = "dist";
const SLUG = "budget-eau-casablanca";
const listing = readdirSync(dist);
const shell = listing.includes("shell.html") ? "shell.html" : "index.html";
const css = listing.filter((f) => f.endsWith(".css"));
// The app's .js is Trunk's hashed one; sw.js (the service worker) is
// fetched once the app runs, and shown apart from the totals.
const js = listing.filter((f) => /-[0-9a-f]{16}\.js$/.test(f));
const files = [shell, ...js, ...listing.filter((f) => f.endsWith(".wasm")), ...css];
if (!files.some((f) => f.endsWith(".wasm"))) {
  console.error("no .wasm in dist/: run scripts/build.sh first");
  process.exit(1);
}
const measure = (name) => {
  const data = readFileSync(`${dist}/${name}`);
  return {
    name: name.replace(/-[0-9a-f]{16}/, ""),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
};
const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const n = (x) => x.toLocaleString("en-US");
const lines = (rows, label) => {
  const t = sum(rows);
  return [
    ...rows.map((r) => `| ${r.name} | ${n(r.raw)} B | ${n(r.gzip)} B | ${n(r.brotli)} B |`),
    `| **${label}** | **${n(t.raw)} B** | **${n(t.gzip)} B** | **${n(t.brotli)} B** |`,
  ];
};
const rows = files.map(measure);
const total = sum(rows);
const article = `article/${SLUG}.html`;
const before = listing.includes("article") ? [article, ...css].map(measure) : [];
const table = [
  "| file | raw | gzip -9 | brotli q11 |",
  "| --- | ---: | ---: | ---: |",
  ...lines(rows, "total, the app"),
  ...(before.length ? lines(before, "total before a prerendered article shows") : []),
  ...(listing.includes("sw.js") ? lines([measure("sw.js")], "the service worker, fetched once the app runs") : []),
].join("\n");
console.log(table);

const baselineFile = "bench/size-baseline.json";
if (process.argv.includes("--write")) {
  writeFileSync(baselineFile, JSON.stringify({ brotli_total: total.brotli, files: rows }, null, 2) + "\n");
  replaceSection("docs/BENCHMARKS.md", "sizes", table);
  console.log(`recorded in ${baselineFile} and docs/BENCHMARKS.md`);
}
if (process.argv.includes("--check")) {
  const baseline = JSON.parse(readFileSync(baselineFile, "utf8")).brotli_total;
  const limit = Math.floor(baseline * 1.03);
  const growth = (((total.brotli - baseline) / baseline) * 100).toFixed(1);
  console.log(`size budget: brotli total ${n(total.brotli)} B, recorded ${n(baseline)} B (${growth}%), limit ${n(limit)} B`);
  if (total.brotli > limit) {
    console.log("size budget: 0 passed, 1 failed");
    process.exit(1);
  }
  console.log("size budget: 1 passed, 0 failed");
}
