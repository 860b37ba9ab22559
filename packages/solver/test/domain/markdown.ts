import { readFileSync } from "node:fs";

/** A heading and the text under it, up to the next heading of the same or a higher level. */
export interface Section {
  readonly heading: string;
  readonly level: number;
  readonly body: string;
}

/** Reads a file of the repository's `docs/` folder. */
export function readDoc(name: string): string {
  return readFileSync(new URL(`../../../../docs/${name}`, import.meta.url), "utf8");
}

/** Every section at `level` (2 for `##`), in order; fenced code blocks are not searched for headings. */
export function sections(markdown: string, level: number): Section[] {
  const lines = markdown.split("\n");
  const found: { heading: string; level: number; lines: string[] }[] = [];
  let current: (typeof found)[number] | null = null;
  let fenced = false;
  for (const line of lines) {
    if (line.startsWith("```")) fenced = !fenced;
    const match = fenced ? null : /^(#{1,6}) (.*)$/.exec(line);
    if (match !== null && (match[1]?.length ?? 0) <= level) {
      current = (match[1]?.length ?? 0) === level ? { heading: match[2] ?? "", level, lines: [] } : null;
      if (current !== null) found.push(current);
    } else current?.lines.push(line);
  }
  return found.map((s) => ({ heading: s.heading, level: s.level, body: s.lines.join("\n") }));
}

/** The one section with this exact heading; throws when there is none or several. */
export function section(markdown: string, level: number, heading: string): Section {
  const matches = sections(markdown, level).filter((s) => s.heading === heading);
  if (matches.length !== 1) throw new Error(`expected one "${"#".repeat(level)} ${heading}" section, found ${matches.length}`);
  return matches[0] as Section;
}

/** The texts of the inline code spans in a line, e.g. the code in "### `duplicate_id`". */
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");
}

/** Rows of the first pipe table in `text`, as cells, header and separator excluded. */
export function tableRows(text: string): string[][] {
  const rows = text
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) => line.slice(1, line.lastIndexOf("|")).split(" | ").map((cell) => cell.trim()));
  return rows.slice(2);
}

/** The contents of every fenced block of the given language, in order. */
export function fencedBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp("^```" + language + "\\n([\\s\\S]*?)^```", "gm"))].map((m) => m[1] ?? "");
}
