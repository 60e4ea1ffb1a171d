/** A parsed article file: the front matter fields and the Markdown after it. */
export type FrontMatterDocument = {
  fields: Record<string, string | string[]>;
  body: string;
};

const delimiter = "---";
const scalarLine = /^([a-z][a-zA-Z]*):[ \t]*(.*)$/;
const itemLine = /^[ \t]+- (.+)$/;

/**
 * Splits a file into front matter and body. The front matter is a small,
 * strict subset of YAML — `key: value` lines, and `key:` followed by indented
 * `- item` lines — so ICT can edit it by hand without a YAML dependency and
 * every mistake is reported rather than guessed at.
 * Throws an Error naming the line when the text does not fit that subset.
 */
export function parseFrontMatter(text: string): FrontMatterDocument {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== delimiter) throw new Error(`must start with a "${delimiter}" line`);
  const end = lines.indexOf(delimiter, 1);
  if (end === -1) throw new Error(`front matter has no closing "${delimiter}" line`);

  const fields: Record<string, string | string[]> = {};
  let openList: string[] | undefined;
  for (let index = 1; index < end; index++) {
    const line = lines[index] ?? "";
    if (line.trim() === "") continue;
    const item = itemLine.exec(line);
    if (item?.[1] !== undefined) {
      if (!openList) throw new Error(`line ${index + 1}: a "- item" line must follow a "key:" line`);
      openList.push(unquote(item[1].trim()));
      continue;
    }
    const scalar = scalarLine.exec(line);
    if (!scalar?.[1]) throw new Error(`line ${index + 1}: expected "key: value" or "  - item", got "${line.trim()}"`);
    const [, key, value = ""] = scalar;
    if (Object.hasOwn(fields, key)) throw new Error(`line ${index + 1}: "${key}" is given twice`);
    openList = value.trim() === "" ? [] : undefined;
    fields[key] = openList ?? unquote(value.trim());
  }
  return {
    fields,
    body: lines
      .slice(end + 1)
      .join("\n")
      .trim(),
  };
}

/** Quotes are optional; they let a value start with a character the subset would misread. */
const unquote = (value: string) => value.replace(/^"(.*)"$/, "$1");
