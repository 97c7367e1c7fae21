import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, REPO, runCli } from "../helpers/cli.js";

/** A named pipe with a reader attached; `read()` resolves to what was written into it. */
function fifo(): { file: string; read: () => Promise<string> } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "crm-fifo-")), "out");
  expect(spawnSync("mkfifo", [file]).status).toBe(0);
  const reader = spawn("cat", [file]);
  let text = "";
  reader.stdout.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  return { file, read: () => new Promise((resolve) => reader.on("close", () => resolve(text))) };
}

// `-o /dev/null` or `-o /dev/stdout` must write into the device, not rename a file over it.
describe("outputs that are devices or pipes are written into, not replaced", () => {
  it("-o of a one-shot writer (validate)", async () => {
    const out = fifo();
    const r = runCli(["validate", "questionnaires/", "--format", "json", "-o", out.file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(await out.read()).issues).toEqual([]);
    expect(statSync(out.file).isFIFO()).toBe(true);
  });

  it("--respondents of a streaming writer (batch)", async () => {
    const out = fifo();
    const survey = path.join(REPO, "test/fixtures/survey/qualtrics");
    const r = runCli([
      "batch",
      path.join(survey, "export.csv"),
      "--map",
      path.join(survey, "mapping.yaml"),
      "-q",
      path.join(REPO, "test/fixtures/batch/questionnaire/questionnaire.yaml"),
      "--respondents",
      out.file,
      "-o",
      "-",
    ]);
    expect(r.status).toBe(0);
    const lines = (await out.read()).trim().split("\n");
    expect(lines).toHaveLength(9); // a header and the 8 scored respondents
    expect(statSync(out.file).isFIFO()).toBe(true);
  });
});

// A reader that quits early (`| head`) must not end a run with exit 0 while a streamed output
// is incomplete and the other outputs were never written.
describe("standard output closed before a streamed output is complete", () => {
  it("fails the batch run (exit 1, a message) and leaves no file or temporary file behind", async () => {
    const survey = path.join(REPO, "test/fixtures/survey/qualtrics");
    const [h1, h2, h3, row] = readFileSync(path.join(survey, "export.csv"), "utf8").split("\n");
    const dir = mkdtempSync(path.join(tmpdir(), "crm-epipe-"));
    const exportFile = path.join(dir, "export.csv");
    // 3,000 respondents: their CSV is far larger than a pipe's buffer.
    const rows = Array.from({ length: 3000 }, (_, i) =>
      (row as string).replace("R_3kXyZ7aQaQx", `R_${i}`),
    );
    writeFileSync(exportFile, [h1, h2, h3, ...rows, ""].join("\n"));
    const results = path.join(dir, "results.json");
    const child = spawn(process.execPath, [
      BIN,
      "batch",
      exportFile,
      "--map",
      path.join(survey, "mapping.yaml"),
      "-q",
      path.join(REPO, "test/fixtures/batch/questionnaire/questionnaire.yaml"),
      "-o",
      results,
      "--respondents",
      "-",
    ]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise((resolve) => child.on("close", resolve));
    expect(status).toBe(1);
    expect(stderr).toContain(
      "cannot write --respondents -: the program reading it closed the pipe before the output was complete",
    );
    expect(existsSync(results)).toBe(false);
    expect(readdirSync(dir)).toEqual(["export.csv"]);
  });
});
