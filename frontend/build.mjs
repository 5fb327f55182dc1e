// Build the one bundle the integration ships, headed by the hash of the sources it was built
// from, so that a test can tell when the bundle is older than its sources.
//
// The hash: SHA-256 over every file under src/, in the order of their paths (relative, "/"
// separated), each as its path, a NUL byte, its content, a NUL byte. tests/test_frontend.py
// computes the same.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const sources = join(here, "src");
const outfile = join(here, "..", "custom_components", "device_security", "frontend", "device-security.js");

function filesUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function sourceHash(folder = sources) {
  const hash = createHash("sha256");
  const files = filesUnder(folder)
    .map((path) => [relative(folder, path).split(sep).join("/"), path])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, path] of files) {
    hash.update(Buffer.from(name, "utf8"));
    hash.update(Buffer.from([0]));
    hash.update(readFileSync(path));
    hash.update(Buffer.from([0]));
  }
  return hash.digest("hex");
}

const digest = sourceHash();
await build({
  entryPoints: [join(sources, "device-security.ts")],
  outfile,
  bundle: true,
  format: "esm",
  target: "es2021",
  minify: true,
  sourcemap: false,
  legalComments: "eof",
  charset: "utf8",
  logLevel: "warning",
  banner: {
    js: `/*! Device Security card and panel. Built by frontend/build.mjs; source-sha256: ${digest} */`,
  },
});
const size = statSync(outfile).size;
console.log(`${relative(process.cwd(), outfile)}: ${size} bytes, source-sha256 ${digest}`);
