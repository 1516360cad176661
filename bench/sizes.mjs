// First-load sizes of the release build in dist/: index.html, .js, .wasm
// and .css, raw, gzip -9 and brotli q11, per file and in total.
//   node bench/sizes.mjs            print the table
//   node bench/sizes.mjs --write    also record it in docs/BENCHMARKS.md and
//                                   bench/size-baseline.json
//   node bench/sizes.mjs --check    fail when the brotli total grew more than
//                                   3% over bench/size-baseline.json (the CI gate)
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { replaceSection } from "./doc.mjs";

const dist = "dist";
const kinds = [".html", ".js", ".wasm", ".css"];
const files = readdirSync(dist)
  .filter((f) => kinds.some((k) => f.endsWith(k)))
  .sort((a, b) => kinds.findIndex((k) => a.endsWith(k)) - kinds.findIndex((k) => b.endsWith(k)));
if (!files.some((f) => f.endsWith(".wasm"))) {
  console.error("no .wasm in dist/: run scripts/build.sh first");
  process.exit(1);
}
const rows = files.map((name) => {
  const data = readFileSync(`${dist}/${name}`);
  return {
    name: name.replace(/-[0-9a-f]{16}/, ""),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const n = (x) => x.toLocaleString("en-US");
const table = [
  "| file | raw | gzip -9 | brotli q11 |",
  "| --- | ---: | ---: | ---: |",
  ...rows.map((r) => `| ${r.name} | ${n(r.raw)} B | ${n(r.gzip)} B | ${n(r.brotli)} B |`),
  `| **total** | **${n(total.raw)} B** | **${n(total.gzip)} B** | **${n(total.brotli)} B** |`,
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
