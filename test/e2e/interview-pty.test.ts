import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { displayWidth } from "../../src/core/text/width.js";
import { planInterview } from "../../src/interview/plan.js";
import { resolveQuestionnaire } from "../../src/io/bundled-questionnaire.js";
import { BIN } from "../helpers/cli.js";

// A real pseudo-terminal: the interview runs in a detached tmux session on a private socket,
// driven with send-keys and read with capture-pane. Skipped only when tmux is missing outside CI.
const HAS_TMUX = spawnSync("tmux", ["-V"]).status === 0;
const IN_CI = Boolean(process.env.CI);

const SOCKET = `crm-maturity-test-${process.pid}`;
const SESSION = "interview";
const TIMEOUT_MS = 20_000;

function tmux(...args: string[]): string {
  return execFileSync("tmux", ["-u", "-L", SOCKET, ...args], { encoding: "utf8" });
}

function screen(session = SESSION): string {
  return tmux("capture-pane", "-p", "-J", "-t", session);
}

/**
 * The styles (SGR parameters: 2 dim, 36 cyan …) in effect where `text` starts on the last line of
 * the screen that holds `line`, as tmux writes them back (a 0 resets them).
 */
function stylesAt(text: string, line: RegExp, session = SESSION): string[] {
  const styled = tmux("capture-pane", "-p", "-e", "-J", "-t", session).split("\n");
  const at = styled.findLast((l) => line.test(stripVTControlCharacters(l))) ?? "";
  const codes = at
    .slice(0, at.indexOf(text))
    .split("\u001b[")
    .slice(1)
    .map((c) => c.slice(0, c.indexOf("m")))
    .flatMap((c) => c.split(";"));
  return codes.slice(codes.lastIndexOf("0") + 1);
}

/** Polls the screen until `pattern` shows; fails with the screen after a bounded wait. */
async function waitFor(pattern: RegExp, timeout = TIMEOUT_MS, session = SESSION): Promise<string> {
  const end = Date.now() + timeout;
  let last = "";
  while (Date.now() < end) {
    last = screen(session);
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${pattern}; the screen shows:\n${last}`);
}

/**
 * Waits until question `n` is asked: the last progress line on the screen names it and its list
 * is up below it (earlier questions stay on the screen, so their lines prove nothing).
 */
async function waitForQuestion(n: number): Promise<void> {
  const end = Date.now() + TIMEOUT_MS;
  let last = "";
  while (Date.now() < end) {
    last = screen();
    const tail = last.slice(last.lastIndexOf("Question "));
    if (tail.startsWith(`Question ${n} of`) && /^\? Which level/m.test(tail)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for question ${n}; the screen shows:\n${last}`);
}

function keys(...k: string[]): void {
  tmux("send-keys", "-t", SESSION, ...k);
}

/** Types literal text (no key-name lookup) and presses Enter. */
function type(text: string): void {
  tmux("send-keys", "-t", SESSION, "-l", text);
  keys("Enter");
}

function start(cwd: string, args: string[], session = SESSION, columns = 120): void {
  const command = [process.execPath, BIN, "interview", ...args].map((a) => `'${a}'`).join(" ");
  tmux(
    "new-session",
    "-d",
    "-s",
    session,
    "-x",
    String(columns),
    "-y",
    "50",
    "-c",
    cwd,
    `${command}; echo "EXITED=$?"; sleep 600`,
  );
}

function children(pid: number): number[] {
  if (!existsSync("/proc")) {
    // macOS and other systems without /proc.
    return execFileSync("ps", ["-A", "-o", "pid=,ppid="], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((line) => line.trim().split(/\s+/).map(Number))
      .filter(([, ppid]) => ppid === pid)
      .map(([child]) => child as number);
  }
  const out: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const list = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
    if (list) out.push(...list.split(/\s+/).map(Number));
  }
  return out;
}

/** The interview's own process: the pane's process or one of its descendants. */
function interviewPid(): number {
  const panePid = Number(tmux("list-panes", "-t", SESSION, "-F", "#{pane_pid}").trim());
  const queue = [panePid];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    // The pane's shell mentions the script in its `-c` string; node has it as an argument.
    const args = existsSync("/proc")
      ? readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")
      : execFileSync("ps", ["-o", "args=", "-p", String(pid)], { encoding: "utf8" }).split(" ");
    if (args[1] === BIN) return pid;
    queue.push(...children(pid));
  }
  throw new Error(`no crm-maturity process under pane ${panePid}`);
}

/** Chooses a level: the digit moves the cursor, Enter picks once the cursor is seen on it. */
async function chooseLevel(
  level: number,
  name: string,
  prompt = /^\? Which level/m,
): Promise<void> {
  await waitFor(prompt);
  keys(String(level));
  await waitFor(new RegExp(`^\\S ${level} ${name}`, "m"));
  keys("Enter");
}

async function answer(level: number, name: string, note = "", evidence = ""): Promise<void> {
  await chooseLevel(level, name);
  await waitFor(/^\? Note/m);
  type(note);
  await waitFor(/^\? Evidence seen/m);
  type(evidence);
}

describe("interview in a real terminal (tmux)", () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "crm-interview-pty-"));
    // A session that outlives the interviews: killing the last session makes the tmux server
    // exit, and a new-session racing that shutdown fails with "server exited unexpectedly".
    if (HAS_TMUX) tmux("new-session", "-d", "-s", "keeper", "sleep 600");
  });

  afterEach(() => {
    const socket = spawnSync("tmux", ["-L", SOCKET, "display-message", "-p", "#{socket_path}"], {
      encoding: "utf8",
    }).stdout.trim();
    spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
    // tmux leaves its socket file behind after kill-server.
    if (socket) rmSync(socket, { force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it("has tmux in CI", () => {
    if (IN_CI) expect(HAS_TMUX, "tmux must be installed in CI (.ci/run installs it)").toBe(true);
  });

  it.skipIf(!HAS_TMUX && !IN_CI)(
    "refuses a second interview on the same file while the first runs (two terminals)",
    async () => {
      start(dir, ["-o", "a.yaml", "--lang", "en", "--role", "executive"]);
      await waitFor(/^\? Client name/m);
      start(dir, ["-o", "a.yaml", "--lang", "en", "--role", "frontline"], "second");
      const refused = await waitFor(/EXITED=1\b/, TIMEOUT_MS, "second");
      expect(refused).toMatch(/a\.yaml is open in another interview \(process \d+/);
      expect(refused).toContain("正在另一个访谈中使用");
      // The first interview goes on, and releases the lock when it ends.
      keys("C-c");
      await waitFor(/EXITED=130/);
      expect(existsSync(path.join(dir, "a.yaml.lock"))).toBe(false);
    },
  );

  it.skipIf(!HAS_TMUX && !IN_CI)(
    "survives SIGKILL with every answer saved, then resumes and saves on quit",
    async () => {
      const file = path.join(dir, "a.yaml");
      const answersOnDisk = () =>
        (
          parse(readFileSync(file, "utf8")) as {
            respondents: { answers: Record<string, unknown> }[];
          }
        ).respondents[0]?.answers;

      start(dir, ["-o", "a.yaml", "--lang", "en", "--role", "executive"]);
      await waitFor(/^\? Client name/m);
      type("Acme Manufacturing");
      await waitFor(/^\? Industry/m);
      type("Manufacturing");
      await waitFor(/^\? Company size/m);
      type("");
      await waitFor(/^\? The company's CRM system today/m);
      keys("Enter");
      await waitFor(/^\? Assessor/m);
      type("Jane Consultant");
      await waitFor(/^\? Assessment date \(YYYY-MM-DD\) \d{4}-\d\d-\d\d/m);
      type("");
      await waitFor(/^\? Has the chief executive or the executive team stated goals/m);
      keys("Enter");
      await waitFor(/^\? Respondent's name/m);
      type("Wang Wei");

      await waitFor(/Question 1 of \d+ · Dimension 1 of \d+/);
      await answer(3, "Defined", "Vision signed in 2024", "Board minutes");
      await waitFor(/Question 2 of \d+/);
      await answer(4, "Managed");
      await waitFor(/Question 3 of \d+/);
      await chooseLevel(2, "Repeatable");
      await waitFor(/^\? Note/m);

      // Killed without warning while the note of the third answer is being asked.
      process.kill(interviewPid(), "SIGKILL");
      await waitFor(/EXITED=137/);
      const killed = answersOnDisk() ?? {};
      const ids = Object.keys(killed);
      expect(ids).toHaveLength(3);
      expect(Object.values(killed)).toEqual([
        { value: 3, note: "Vision signed in 2024", evidence: "Board minutes" },
        4,
        2,
      ]);
      tmux("kill-session", "-t", SESSION);

      // Resume at the first unanswered question; Ctrl-C saves and prints the resume command.
      start(dir, ["-o", "a.yaml", "--resume", "--lang", "en"]);
      await waitFor(/Resuming: 3 of \d+ questions already answered/);
      await waitFor(/Question 4 of \d+/);
      await answer(5, "Optimising", "Runs the business on CRM data");
      await waitFor(/Question 5 of \d+/);
      await waitFor(/^\? (Which level|How far)/m);
      keys("C-c");
      const interrupted = await waitFor(/EXITED=130/);
      expect(interrupted).toContain("crm-maturity interview -o a.yaml --resume --lang en");
      expect(Object.keys(answersOnDisk() ?? {})).toHaveLength(4);
      tmux("kill-session", "-t", SESSION);

      // And once more: save-and-quit from the list (typing "sa" selects it).
      start(dir, ["-o", "a.yaml", "--resume", "--lang", "en"]);
      await waitFor(/Question 5 of \d+/);
      await waitFor(/^\? (Which level|How far)/m);
      keys("s", "a");
      await waitFor(/^\S Save and quit/m);
      keys("Enter");
      const quit = await waitFor(/EXITED=0/);
      expect(quit).toContain("Saved 4 answers to a.yaml.");
      const final = answersOnDisk() ?? {};
      expect(Object.keys(final).slice(0, 3)).toEqual(ids);
      expect(Object.values(final)[3]).toEqual({ value: 5, note: "Runs the business on CRM data" });
    },
    90_000,
  );

  it.skipIf(!HAS_TMUX && !IN_CI)(
    "records nothing for typed text that matches no line: Enter shows a hint and the list stays (zh-CN, 80 columns)",
    async () => {
      const file = path.join(dir, "a.yaml");
      const answers = () =>
        (parse(readFileSync(file, "utf8")) as { respondents: { answers: unknown }[] })
          .respondents[0]?.answers;
      start(dir, ["-o", "a.yaml", "--lang", "zh-CN", "--role", "executive"], SESSION, 80);
      await waitFor(/^\? 客户名称/m);
      type("华信零售");
      await waitFor(/^\? 所属行业/m);
      type("");
      await waitFor(/^\? 企业规模/m);
      type("");
      // A letter at the list of the client's CRM situation: nothing is chosen.
      await waitFor(/^\? 企业目前的 CRM 系统状况/m);
      type("x");
      await waitFor(/^> 没有以“x”开头的选项，未作任何选择/m);
      keys("Down");
      await waitFor(/^❯ 正在选型/m);
      keys("Enter");
      await waitFor(/^\? 评估人/m);
      type("李明");
      await waitFor(/^\? 评估日期/m);
      type("");
      // The yes/no hint is Chinese, and 否 answers it.
      await waitFor(/^\? 总经理或高管团队是否提出过 CRM 目标/m);
      await waitFor(/ （y 是／n 否，回车即否）$/m);
      // The answer Enter gives is highlighted (cyan, not dim) as a list's current line; the rest
      // of the hint is dim, as in English.
      const hint = / （y 是／n 否，回车即否）$/;
      expect(stylesAt("n 否", hint)).toContain("36");
      expect(stylesAt("n 否", hint)).not.toContain("2");
      expect(stylesAt("（y 是", hint)).toContain("2");
      expect(stylesAt("，回车即否", hint)).toContain("2");
      type("否");
      await waitFor(/）？ 否$/m);
      await waitFor(/^\? 受访者姓名/m);
      type("王伟");
      await waitFor(/正在访谈 王伟（高层管理者，executive-1）/);

      // b (no line starts with it in Chinese), 12 and 6 at the first question: Enter records
      // nothing, the list stays.
      await waitFor(/^\? 哪一级最符合实际情况/m);
      for (const text of ["b", "12", "6"]) {
        tmux("send-keys", "-t", SESSION, "-l", text);
        keys("Enter");
        await waitFor(new RegExp(`^> 没有以“${text}”开头的选项，未作任何选择`, "m"));
        expect(screen()).toMatch(/^\? 哪一级最符合实际情况/m);
        await new Promise((r) => setTimeout(r, 800)); // after a pause, typing starts a new search
      }
      // Pasted text is cut short in the hint, which stays on one line.
      tmux("send-keys", "-t", SESSION, "-l", "abcdefghijklmnopqrstuvwxyz");
      keys("Enter");
      await waitFor(/^> 没有以“abcdefghijk…”开头的选项，未作任何选择：请用 ↑↓ 移动后按 ⏎ 确认。$/m);
      expect(answers()).toEqual({});
      await chooseLevel(3, "已定义级", /^\? 哪一级最符合实际情况/m);
      await waitFor(/^\? 备注/m);
      expect(Object.values(answers() ?? {})).toEqual([3]);
      expect(
        screen()
          .split("\n")
          .filter((line) => displayWidth(line) > 80),
      ).toEqual([]);
      keys("C-c");
      await waitFor(/EXITED=130/);
    },
    60_000,
  );

  it.skipIf(!HAS_TMUX && !IN_CI)(
    "keeps, clears and edits an earlier note when going back (a two-line note included)",
    async () => {
      const file = path.join(dir, "a.yaml");
      const pack = resolveQuestionnaire();
      const [first = "", second = ""] = planInterview(pack, "executive").map((q) => q.question.id);
      writeFileSync(
        file,
        [
          "assessment:",
          "  client: { name: Acme, crmSituation: none }",
          "  date: 2025-03-31",
          "  assessor: Jane",
          `  questionnaire: { id: ${pack.id}, version: ${pack.version} }`,
          "respondents:",
          "  - id: executive-1",
          "    role: executive",
          "    answers:",
          `      ${first}:`,
          "        value: 3",
          "        note: |-",
          "          Vision signed in 2024.",
          "          Nobody uses it.",
          `      ${second}: { value: 4, note: Steering group }`,
          "",
        ].join("\n"),
      );
      const answers = () =>
        (
          parse(readFileSync(file, "utf8")) as {
            respondents: { answers: Record<string, unknown> }[];
          }
        ).respondents[0]?.answers;
      start(dir, ["-o", "a.yaml", "--resume", "--lang", "en"]);
      const back = async (to: number) => {
        keys("b");
        await waitFor(/^❯ ← Back to the previous question/m);
        keys("Enter");
        await waitForQuestion(to);
      };
      await waitForQuestion(3);
      await back(2);
      keys("Enter"); // keeps 4
      await waitFor(/^\? Note \(optional, ⏎ to skip\) Steering group$/m);
      keys("C-u");
      await waitFor(/^\? Note \(optional, ⏎ to skip\)$/m);
      keys("Enter");
      await waitFor(/^\? Evidence seen/m);
      expect(answers()?.[second]).toBe(4);
      keys("Enter");
      await waitForQuestion(3);
      await back(2);
      await back(1);
      keys("Enter"); // keeps 3; the two-line note is one line, its break shown as ↵
      await waitFor(/^\? Note \(optional, ⏎ to skip\) Vision signed in 2024\.↵Nobody uses it\.$/m);
      keys("Enter");
      await waitFor(/^\? Evidence seen/m);
      type("Board minutes");
      await waitForQuestion(2);
      expect(answers()?.[first]).toEqual({
        value: 3,
        note: "Vision signed in 2024.\nNobody uses it.",
        evidence: "Board minutes",
      });
      keys("C-c");
      await waitFor(/EXITED=130/);
    },
    60_000,
  );
});
