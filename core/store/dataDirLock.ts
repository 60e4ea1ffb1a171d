import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { AppError } from "../errors";

/**
 * PGlite has no lock of its own: two processes on one data directory silently
 * lose writes. Whoever opens the directory holds this lock file first; a lock
 * left by a process that has died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, "ict-hub.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(lockPath)) return () => release(lockPath);
    const holder = readHolder(lockPath);
    if (holder && isAlive(holder)) {
      throw new AppError(
        "store_locked",
        `${dataDir} is in use by process ${holder.pid} on ${holder.host} (since ${holder.since}). ` +
          "Only one process may open the embedded database: stop that process, or let CLI commands reach it through the running server.",
      );
    }
    takeOverStaleLock(lockPath, holder);
  }
  throw new AppError("store_locked", `Could not take the lock on ${dataDir}; try again.`);
}

type Holder = { pid: number; host: string; since: string };

function tryCreate(lockPath: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  writeSync(fd, JSON.stringify(holder));
  closeSync(fd);
  return true;
}

function readHolder(lockPath: string): Holder | null {
  try {
    return JSON.parse(readFileSync(lockPath, "utf8")) as Holder;
  } catch {
    return null;
  }
}

function isAlive(holder: Holder): boolean {
  // A lock written on another host (a shared folder) cannot be checked: respect it.
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Two processes may find the same stale lock; the takeover file makes sure only
 * one of them removes it, so neither deletes a lock the other has just taken.
 */
function takeOverStaleLock(lockPath: string, stale: Holder | null) {
  const takeoverPath = `${lockPath}.takeover`;
  if (!tryCreate(takeoverPath)) {
    const age = Date.now() - safeMtime(takeoverPath);
    if (age > 10_000) unlinkQuietly(takeoverPath);
    return;
  }
  try {
    const current = readHolder(lockPath);
    if (current?.pid === stale?.pid && current?.since === stale?.since) unlinkQuietly(lockPath);
  } finally {
    unlinkQuietly(takeoverPath);
  }
}

function release(lockPath: string) {
  if (readHolder(lockPath)?.pid === process.pid) unlinkQuietly(lockPath);
}

function safeMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function unlinkQuietly(path: string) {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
