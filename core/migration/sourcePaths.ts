/** A UNC path as the store keys it: lower case, forward slashes as backslashes, no trailing backslash. */
export function pathKey(path: string): string {
  return path.trim().replace(/\//g, "\\").replace(/\\+$/, "").toLowerCase();
}

/** A home drive: a path under a home share (home$, homes, users$) or a OneDrive target. */
export function looksLikeHomeDrive(path: string, target: string | null = null): boolean {
  return (
    /\\(home|homes|users|userhome)\$?\\/i.test(`${path.replace(/\//g, "\\")}\\`) ||
    /-my\.sharepoint\.com\/personal\//i.test(target ?? "")
  );
}
