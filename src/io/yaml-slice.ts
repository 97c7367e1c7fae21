import type { YamlPath } from "../core/diagnostics/source.js";

/**
 * The smallest piece of a block-style YAML text that holds a path's node: one mapping entry or
 * one sequence item, found by indentation alone. `text` has the same length and line breaks as
 * the file from `from` on (a compact item's `- ` is blanked), so offsets in it shift by `from`.
 * It is a guess: the caller parses it and checks it against the parsed file before trusting it.
 */
export interface YamlSlice {
  from: number;
  text: string;
  /** The piece is one entry of a mapping (`seg: …`) or one item of a sequence. */
  kind: "map" | "seq";
  /** The path to the mapping or sequence the piece belongs to. */
  parent: YamlPath;
  seg: string | number;
  /** The rest of the path, inside the entry's value or the item. */
  rest: YamlPath;
}

/** Lines [a, b) holding a block mapping or sequence whose entries start at column `indent`. */
interface Region {
  a: number;
  b: number;
  indent: number;
  kind: "map" | "seq";
}

// A plain, single-quoted or simple double-quoted key, then `:` and a space or the line's end.
const KEY =
  /(?:"([^"\\\n]*)"|'((?:[^'\n]|'')*)'|([^\s"'#?\-[\]{},&*!|>%@`][^\n]*?))[ \t]*:(?=[ \t\r\n]|$)/y;
const SPACE = 0x20;

/** Finds, for a path, the entry or item that holds it, reading the text once and lazily. */
export class YamlSlicer {
  /** The offset at which each line starts (as `yaml`'s LineCounter records them). */
  readonly lineStarts: number[] = [0];
  // Entry or item starts of each region, and each mapping's keys, computed on first use.
  private readonly starts = new Map<string, number[]>();
  private readonly keys = new Map<string, Map<string, number>>();
  private root: Region | undefined | null = null;

  constructor(private readonly text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  /** The entry or item holding the node at `path`, cut from the file; undefined when not found. */
  slice(path: YamlPath): YamlSlice | undefined {
    let r: Region | undefined = this.rootRegion();
    for (let i = 0; i < path.length && r; i++) {
      const seg = path[i] as string | number;
      const list = this.startsOf(r);
      if (!list) return undefined;
      const k: number | undefined =
        r.kind === "map" ? this.entryOf(r, String(seg)) : typeof seg === "number" ? seg : undefined;
      const x: number | undefined = k === undefined ? undefined : list[k];
      if (k === undefined || x === undefined) return undefined;
      const after: number = list[k + 1] ?? r.b;
      const deeper: Region | undefined = i < path.length - 1 ? this.inner(r, x, after) : undefined;
      if (!deeper) {
        const from = this.start(x);
        const piece = " ".repeat(r.indent) + this.text.slice(from + r.indent, this.end(after - 1));
        const rest = path.slice(i + 1);
        return { from, text: piece, kind: r.kind, parent: path.slice(0, i), seg, rest };
      }
      r = deeper;
    }
    return undefined;
  }

  private start(i: number): number {
    return this.lineStarts[i] as number;
  }

  private end(i: number): number {
    return i + 1 < this.lineStarts.length ? this.start(i + 1) : this.text.length;
  }

  /** A line's first column (columns before `from` count as blank); -1 blank or comment, -2 tab. */
  private indentOf(i: number, from = 0): number {
    const s = this.start(i);
    const e = this.end(i);
    let p = s + from;
    while (p < e && this.text.charCodeAt(p) === SPACE) p++;
    const c = this.text[p];
    if (c === undefined || c === "\n" || c === "\r" || c === "#" || p >= e) return -1;
    return c === "\t" ? -2 : p - s;
  }

  /** Whether a sequence item (`-` then a space or the line's end) starts at this column. */
  private isItem(i: number, col: number): boolean {
    const p = this.start(i) + col;
    const next = this.text[p + 1];
    return (
      this.text[p] === "-" && (next === " " || next === "\n" || next === "\r" || next === undefined)
    );
  }

  /** The lines where the region's entries or items start; undefined when it is not plain block style. */
  private startsOf(r: Region): number[] | undefined {
    const id = `${r.a}:${r.indent}`;
    const known = this.starts.get(id);
    if (known) return known;
    const found: number[] = [];
    for (let i = r.a; i < r.b; i++) {
      const col = this.indentOf(i, i === r.a ? r.indent : 0);
      if (col === -1) continue;
      if (col === -2 || col < r.indent) return undefined;
      if (col > r.indent) continue;
      if (r.kind === "seq" ? this.isItem(i, col) : !this.isItem(i, col)) found.push(i);
      else if (r.kind === "seq") return undefined;
    }
    this.starts.set(id, found);
    return found;
  }

  private keyMatch(i: number, col: number): RegExpExecArray | null {
    KEY.lastIndex = this.start(i) + col;
    return KEY.exec(this.text);
  }

  /** The position in `startsOf(r)` of the entry keyed `seg` (the first, if repeated). */
  private entryOf(r: Region, seg: string): number | undefined {
    const id = `${r.a}:${r.indent}`;
    let index = this.keys.get(id);
    if (!index) {
      const list = this.startsOf(r);
      if (!list) return undefined;
      const made = new Map<string, number>();
      list.forEach((i, k) => {
        const m = this.keyMatch(i, r.indent);
        const key = m ? (m[1] ?? m[2]?.replaceAll("''", "'") ?? m[3]) : undefined;
        if (key !== undefined && !made.has(key)) made.set(key, k);
      });
      this.keys.set(id, made);
      index = made;
    }
    return index.get(seg);
  }

  /** The region of a block value that starts on the lines after `line`, up to line `b`. */
  private below(line: number, b: number, parentIndent: number): Region | undefined {
    for (let i = line + 1; i < b; i++) {
      const col = this.indentOf(i);
      if (col === -1) continue;
      if (col < parentIndent || col === -2) return undefined;
      const kind = this.isItem(i, col) ? "seq" : "map";
      if (kind === "map" && col === parentIndent) return undefined;
      return { a: i, b, indent: col, kind };
    }
    return undefined;
  }

  /** The block value held by the entry or item on lines [x, y) of region `r`, if it has one. */
  private inner(r: Region, x: number, y: number): Region | undefined {
    if (r.kind === "map") {
      const m = this.keyMatch(x, r.indent);
      if (!m) return undefined;
      const after = this.text.slice(m.index + m[0].length + 1, this.end(x)).trim();
      return after === "" || after.startsWith("#") ? this.below(x, y, r.indent) : undefined;
    }
    const col = this.indentOf(x, r.indent + 1);
    if (col === -2) return undefined;
    if (col === -1) return this.below(x, y, r.indent + 1);
    return { a: x, b: y, indent: col, kind: this.isItem(x, col) ? "seq" : "map" };
  }

  /** The file's top-level block collection; undefined for flow style, directives or several documents. */
  private rootRegion(): Region | undefined {
    if (this.root !== null) return this.root;
    this.root = undefined;
    for (let i = 0; i < this.lineStarts.length; i++) {
      const col = this.indentOf(i);
      if (col === -1) continue;
      const c = this.text[this.start(i) + col];
      if (col < 0 || c === "{" || c === "[" || c === "%" || /^(?:---|\.\.\.)/m.test(this.text)) {
        break;
      }
      this.root = {
        a: i,
        b: this.lineStarts.length,
        indent: col,
        kind: this.isItem(i, col) ? "seq" : "map",
      };
      break;
    }
    return this.root;
  }
}
