/**
 * Whether a message asks where a drive or folder went ("where has my S drive
 * gone?", "can't find the H: drive", "where is the Budgets folder now?"), and
 * the folder it names, if any. Null for anything else.
 */
export function driveQuestion(text: string): { folder?: string } | null {
  const folder =
    /\b(?:where(?:'s| is| has| have| are)?|find|lost|missing)\b.*?\b(?:my|the|our)\s+([\w&' -]{2,40}?)\s+folder\b/i.exec(
      text,
    );
  if (folder?.[1]) return { folder: folder[1].trim() };
  if (/\b[sh]\s*:?\s*drive\b|\b(shared|home|network|personal|team)\s+drives?\b|\bfile\s*shares?\b/i.test(text))
    return {};
  return null;
}
