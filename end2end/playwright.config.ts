import { defineConfig } from "@playwright/test";

// The debug server on its own port and a fresh SQLite database with demo data.
// `make test` builds both the server and the debug site before this runs.
const port = 3100;

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "nl-BE",
    launchOptions: {
      // Debian's Chromium: Playwright must not download a browser of its own.
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "rm -rf target/e2e && ./target/debug/seinhuis --database-url sqlite://target/e2e/seinhuis.db serve",
    cwd: "..",
    url: `http://127.0.0.1:${port}/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: "target/site-dev",
      SEINHUIS_DEMO_DATA: "true",
      RUST_LOG: "warn",
    },
  },
});
