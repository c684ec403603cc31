// Opens a report.html in headless Chromium (Debian's `chromium`, driven by playwright-core) and
// records what a reader's browser would see: console errors, network requests, chart sizes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Flags for a quiet, offline, throw-away browser (the profile dir is passed as userDataDir). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The part of playwright-core's `chromium` this check uses. */
export interface ChromiumLauncher {
  launchPersistentContext(userDataDir: string, options: Record<string, unknown>): Promise<BrowserContextLike>;
}
interface RequestLike {
  url(): string;
}
interface ConsoleMessageLike {
  type(): string;
  text(): string;
}
interface BrowserContextLike {
  on(event: "request", listener: (request: RequestLike) => void): void;
  newPage(): Promise<PageLike>;
  close(): Promise<void>;
}
interface PageLike {
  on(event: "console", listener: (message: ConsoleMessageLike) => void): void;
  on(event: "pageerror", listener: (error: Error) => void): void;
  goto(url: string, options: Record<string, unknown>): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
}

interface BrowserElement {
  id: string;
  querySelector(selector: string): BrowserElement | null;
  getBoundingClientRect(): { width: number; height: number };
}
interface BrowserDocument {
  title: string;
  querySelectorAll(selector: string): Iterable<BrowserElement>;
}

export interface BrowserObservation {
  title: string;
  consoleErrors: string[];
  /** Every request other than the report file itself. */
  requests: string[];
  charts: { id: string; width: number; height: number }[];
}

export async function observeReport(chromium: ChromiumLauncher, htmlPath: string): Promise<BrowserObservation> {
  const profile = mkdtempSync(join(tmpdir(), "taosim-chromium-"));
  const url = pathToFileURL(htmlPath).href;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    offline: true,
  });
  try {
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    context.on("request", (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    await page.goto(url, { waitUntil: "load" });
    const seen = await page.evaluate(() => {
      // Runs in the page; typed loosely because the project does not compile against the DOM lib.
      const doc = (globalThis as unknown as { document: BrowserDocument }).document;
      return {
        title: doc.title,
        charts: [...doc.querySelectorAll("figure.chart")].map((f) => {
          const svg = f.querySelector("svg");
          const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
          return { id: f.id, width: box.width, height: box.height };
        }),
      };
    });
    return { ...seen, consoleErrors, requests };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
