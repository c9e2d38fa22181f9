import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect } from "@playwright/test";

/** The From address of the end-to-end server's mails (see playwright.config.ts). */
export const E2E_SENDER = "e2e@seinhuis.example";

function maildir(): string {
  const dir = process.env.SEINHUIS_TEST_MAILDIR;
  if (!dir) throw new Error("SEINHUIS_TEST_MAILDIR is not set: run `make test`, which starts the SMTP server");
  return dir;
}

function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0];
  return head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}: `))?.slice(name.length + 2);
}

/** The body of a single-part mail, decoded from quoted-printable if need be. */
export function decodeBody(raw: string): string {
  const body = raw.replace(/\r\n/g, "\n").split("\n\n").slice(1).join("\n\n");
  const encoding = header(raw, "Content-Transfer-Encoding")?.trim().toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding !== "quoted-printable") return body;
  const joined = body.replace(/=\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Bodies of the mails the end-to-end server sent to `to`, oldest first. */
export function mailsTo(to: string): string[] {
  const dir = join(maildir(), "new");
  let files: string[] = [];
  try {
    files = readdirSync(dir).map((f) => join(dir, f));
  } catch {
    return [];
  }
  return files
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
    .map((f) => readFileSync(f, "utf8"))
    .filter((raw) => (header(raw, "From") ?? "").includes(E2E_SENDER) && (header(raw, "To") ?? "").toLowerCase().includes(to.toLowerCase()))
    .map(decodeBody);
}

/** Wait for a mail to `to` with a link containing `part`; that link. */
export async function mailedLink(to: string, part: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      () => {
        link = mailsTo(to)
          .reverse()
          .flatMap((body) => body.split(/\s+/))
          .find((word) => word.includes(part));
        return link;
      },
      { message: `a mail to ${to} with a link containing ${part}`, timeout: 30_000 },
    )
    .toBeTruthy();
  return link!;
}
