// What the intake page downloads on a first visit (its HTML, WASM, JS and
// CSS), measured in Chromium against a running release server: bytes on the
// wire as served (brotli) and brotli at its best (quality 11), per file and
// in total. Run by scripts/page-weight.sh, which builds and starts the server.
import { chromium } from "@playwright/test";
import { get } from "node:http";
import { brotliCompressSync, constants } from "node:zlib";

/** Bytes the server sends for `url` to a browser that accepts brotli, as sent. */
function wireSize(url, cookie) {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "accept-encoding": "br, gzip", cookie } }, (res) => {
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
  const html = request.resourceType() === "document";
  if (!html && !/\.(wasm|js|css)$/.test(url.pathname)) return;
  const body = await response.body();
  seen.push({ url: request.url(), path: url.pathname, raw: body.length, best: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
});
await page.goto(`${base}/gent/signaleren`);
await page.waitForFunction(() => document.body.dataset.hydrated === "true");
await page.waitForLoadState("networkidle");
const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
for (const f of seen) [f.wire, f.encoding] = await wireSize(f.url, cookie);

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
console.log("file".padEnd(28), "raw".padStart(10), "on the wire".padStart(12), "brotli q11".padStart(11));
for (const f of seen.sort((a, b) => a.path.localeCompare(b.path))) {
  console.log(f.path.padEnd(28), kb(f.raw), kb(f.wire), kb(f.best), ` (${f.encoding})`);
}
await browser.close();
const sum = (key) => seen.reduce((n, f) => n + f[key], 0);
console.log("total".padEnd(28), kb(sum("raw")), kb(sum("wire")), kb(sum("best")));
const code = seen.filter((f) => f.path.startsWith("/pkg/"));
const codeWire = code.reduce((n, f) => n + f.wire, 0);
console.log("WASM, JS and CSS as sent:", kb(codeWire).trim());
const limit = 250 * 1024;
console.log(codeWire <= limit ? "within the 250 KB budget" : "OVER the 250 KB budget");
