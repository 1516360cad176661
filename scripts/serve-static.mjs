// A static file server for dist/ as a static host would serve it: a path is
// its file, else its prerendered page (`/article/x` → article/x.html), else
// the app's shell.html (index.html in a build without prerendered pages).
// Used by `scripts/run.sh --static` and by the end-to-end tests of the read side.
// Usage: node scripts/serve-static.mjs [dir] [port]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? 8080);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
};

async function fileFor(urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(root)) return null;
  try {
    const info = await stat(path);
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const { pathname } = new URL(req.url, "http://localhost");
  let path = await fileFor(pathname.endsWith("/") ? `${pathname}index.html` : pathname);
  // API paths answer 404 like a real backend; app paths fall back to the app.
  if (!path && !pathname.startsWith("/api/")) {
    const page = pathname === "/" ? null : await fileFor(`${pathname.replace(/\/$/, "")}.html`);
    path = page ?? (await fileFor("/shell.html")) ?? join(root, "index.html");
  }
  if (!path) {
    res.writeHead(404, { "content-type": "application/json" });
    res.end('{"error":{"code":"not_found","message":"no such file"}}');
    return;
  }
  const body = await readFile(path);
  res.writeHead(200, {
    "content-type": types[extname(path)] ?? "application/octet-stream",
    "cache-control": "no-cache",
  });
  res.end(body);
}).listen(port, "127.0.0.1", () => {
  console.log(`Gazette (static) on http://127.0.0.1:${port}/ serving ${root}`);
});
