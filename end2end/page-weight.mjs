// What the intake page downloads (WASM, JS, CSS), measured in Chromium
// against a running release server: bytes on the wire as served (brotli by
// the server) and brotli at its best (quality 11), per file and in total.
// Run by scripts/page-weight.sh, which builds and starts the server.
import { chromium } from "@playwright/test";
import { get } from "node:http";
import { brotliCompressSync, constants } from "node:zlib";

/** Bytes the server sends for `url` to a browser that accepts brotli, as sent. */
function wireSize(url) {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "accept-encoding": "br, gzip" } }, (res) => {
      let n = 0;
      res.on("data", (chunk) => (n += chunk.length));
      res.on("end", () => resolve([n, res.headers["content-encoding"] ?? "none"]));
    }).on("error", reject);
  });
}

const base = process.argv[2] ?? "http://127.0.0.1:3200";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox"] });
const page = await browser.newPage();

await page.goto(`${base}/aanmelden?volgende=/gent/signaleren`);
await page.getByLabel("E-mailadres").fill("sofie.mertens@deschakel.example");
await page.getByLabel("Wachtwoord").fill("demo-seinhuis");
await page.getByRole("button", { name: "Aanmelden" }).click();
await page.waitForURL(/\/gent\/signaleren$/);

// A fresh load of the intake page, nothing from the cache.
const seen = [];
const client = await page.context().newCDPSession(page);
await client.send("Network.setCacheDisabled", { cacheDisabled: true });
page.on("requestfinished", async (request) => {
  const response = await request.response();
  if (!response) return;
  const url = new URL(request.url());
  if (!/\.(wasm|js|css)$/.test(url.pathname)) return;
  const body = await response.body();
  seen.push({ url: request.url(), path: url.pathname, raw: body.length, best: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
});
await page.goto(`${base}/gent/signaleren`);
await page.waitForFunction(() => document.body.dataset.hydrated === "true");
await page.waitForLoadState("networkidle");
await browser.close();
for (const f of seen) [f.wire, f.encoding] = await wireSize(f.url);

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
console.log("file".padEnd(28), "raw".padStart(10), "on the wire".padStart(12), "brotli q11".padStart(11));
for (const f of seen.sort((a, b) => a.path.localeCompare(b.path))) {
  console.log(f.path.padEnd(28), kb(f.raw), kb(f.wire), kb(f.best), ` (${f.encoding})`);
}
const sum = (key) => seen.reduce((n, f) => n + f[key], 0);
console.log("total".padEnd(28), kb(sum("raw")), kb(sum("wire")), kb(sum("best")));
const limit = 150 * 1024;
console.log(sum("wire") <= limit ? "within the 150 KB budget" : "OVER the 150 KB budget");
