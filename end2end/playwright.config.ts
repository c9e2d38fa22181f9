import { defineConfig } from "@playwright/test";
import { E2E_SENDER } from "./tests/mailbox";

// The debug server on its own port and a fresh SQLite database with demo data.
// `make test` builds both the server and the debug site before this runs, and
// starts the SMTP server (aiosmtpd) the server delivers to: tests read mails
// from its maildir (SEINHUIS_TEST_MAILDIR), as people would, never from the
// outbox page (which masks links). The server logs at info to
// target/e2e/server.log; scripts/test.sh checks that file afterwards.
// SEINHUIS_E2E_PORT lets two checkouts run their end-to-end tests side by side.
//
// With SEINHUIS_E2E_POSTGRES_URL (scripts/test.sh makes a fresh database) a
// second server runs on PostgreSQL, one port up, for the "postgres" project:
// the live board's tests run on both databases.
const port = Number(process.env.SEINHUIS_E2E_PORT ?? 3100);
const pgPort = port + 1;
const postgres = process.env.SEINHUIS_E2E_POSTGRES_URL;
const [smtpHost, smtpPort] = (process.env.SEINHUIS_TEST_SMTP ?? "127.0.0.1:2525").split(":");

const serverEnv = (listen: number) => ({
  LEPTOS_SITE_ADDR: `127.0.0.1:${listen}`,
  LEPTOS_SITE_ROOT: "target/site-dev",
  SEINHUIS_DEMO_DATA: "true",
  // The suite logs in more often from one address than a person would.
  SEINHUIS_RATE_LIMIT_PER_MINUTE: "100",
  RUST_LOG: "info",
  SEINHUIS_SMTP_HOST: smtpHost,
  SEINHUIS_SMTP_PORT: smtpPort,
  SEINHUIS_SMTP_TLS: "none",
  SEINHUIS_MAIL_FROM: `Seinhuis <${E2E_SENDER}>`,
});

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
  projects: [
    { name: "sqlite", use: { baseURL: `http://127.0.0.1:${port}` } },
    ...(postgres
      ? [{ name: "postgres", testMatch: /live-board\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${pgPort}` } }]
      : []),
  ],
  webServer: [
    {
      command:
        "rm -rf target/e2e && mkdir -p target/e2e && " +
        "exec ./target/debug/seinhuis --database-url sqlite://target/e2e/seinhuis.db serve 2> target/e2e/server.log",
      cwd: "..",
      url: `http://127.0.0.1:${port}/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "ignore",
      env: serverEnv(port),
    },
    ...(postgres
      ? [
          {
            command:
              "rm -rf target/e2e-pg && mkdir -p target/e2e-pg && " +
              `exec ./target/debug/seinhuis --database-url '${postgres}' serve 2> target/e2e-pg/server.log`,
            cwd: "..",
            url: `http://127.0.0.1:${pgPort}/health`,
            reuseExistingServer: false,
            timeout: 180_000,
            stdout: "ignore" as const,
            stderr: "ignore" as const,
            env: serverEnv(pgPort),
          },
        ]
      : []),
  ],
});
