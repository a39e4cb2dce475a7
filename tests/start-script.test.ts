/**
 * scripts/start.js (`npm start`, `npm run start:web`, `npm stop`): office-addin-debugging is an
 * optional dependency; without it the script prints what to install, never a stack trace.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MISSING_TOOLS_MESSAGE, cliArgs, debuggingCli } from "../scripts/start";

const SCRIPT = join(__dirname, "..", "scripts", "start.js");

describe("scripts/start.js", () => {
  it("passes the command, the manifest and the rest to office-addin-debugging", () => {
    expect(cliArgs(["start"])).toEqual(["start", "manifest.xml"]);
    expect(cliArgs(["start", "web", "--document", "https://x.invalid/a.xlsx"])).toEqual([
      "start",
      "manifest.xml",
      "web",
      "--document",
      "https://x.invalid/a.xlsx",
    ]);
    expect(cliArgs(["stop"])).toEqual(["stop", "manifest.xml"]);
  });

  it("finds no tools when the package cannot be resolved", () => {
    const missing = (): string => {
      throw Object.assign(new Error("Cannot find module"), { code: "MODULE_NOT_FOUND" });
    };
    expect(debuggingCli(missing as unknown as typeof require.resolve)).toBeNull();
  });

  it("says what to install, in Vietnamese then English", () => {
    const [vi, en] = MISSING_TOOLS_MESSAGE.split("\n\n");
    for (const part of [vi, en]) {
      expect(part).toContain("sudo apt-get install -y libsecret-1-dev pkg-config");
      expect(part).toContain("npm install");
      expect(part).toContain("npm run dev-server");
      expect(part).toContain("manifest.xml");
    }
    expect(vi).toMatch(/Chưa có công cụ chạy thử/);
    expect(en).toMatch(/are not installed/);
  });

  it.each(["start", "stop"])(
    "`%s` without office-addin-debugging: the message and exit code 1",
    (command) => {
      // A copy outside the project cannot resolve the project's node_modules.
      const dir = mkdtempSync(join(tmpdir(), "bdg-start-"));
      try {
        copyFileSync(SCRIPT, join(dir, "start.js"));
        const run = spawnSync(process.execPath, [join(dir, "start.js"), command], {
          cwd: dir,
          encoding: "utf8",
        });
        expect(run.status).toBe(1);
        expect(run.stderr.trim()).toBe(MISSING_TOOLS_MESSAGE);
        expect(run.stdout).toBe("");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  );
});
