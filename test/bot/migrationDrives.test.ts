import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevUser } from "../../bot/devchannel/driver";
import { importPaths } from "../../core/migration/importFiles";
import { writeMigrationReports } from "../../graph/devtenant/migration/migrationReports";
import { runSync } from "../../graph/sync/runSync";
import { usersSync } from "../../graph/sync/usersSync";
import { startTestApp, type TestApp } from "../support/testApp";
import { cardsIn } from "../support/transcriptReading";

type Card = {
  body?: { type: string; text?: string; items?: { type: string; text?: string; actions?: { url: string }[] }[] }[];
};

describe("where has my S drive gone, through the dev channel", () => {
  let t: TestApp;
  let person: DevUser;
  let expected: { ownerUpn: string; directorate: string; homeUrl: string; sharedUrls: string[] };

  beforeAll(async () => {
    t = await startTestApp({ DEV_TENANT_STAFF: "60", DEV_TENANT_DEVICES: "60" });
    expect((await runSync(t.app.syncDeps, usersSync)).status).toBe("succeeded");
    const council = t.app.graph.devTenant?.council;
    if (!council) throw new Error("the test app runs the dev tenant");
    const written = writeMigrationReports(council, mkdtempSync(join(tmpdir(), "icthub-migration-")), {
      itemsPerTask: 5,
    });
    const outcomes = await importPaths(t.app.store.db, [join(written.files[0] as string, "..")]);
    expect(outcomes.filter((o) => o.result === "refused")).toEqual([]);
    // Someone in the first wave, whose drives have moved.
    const home = written.shares.find((s) => s.kind === "home" && s.wave.phase === "done");
    if (!home) throw new Error("the generated council has a home drive in its first wave");
    const user = [...council.users.values()].find((u) => u.userPrincipalName === home.ownerUpn);
    if (!user) throw new Error("the home drive has an owner");
    person = t.channel.driver.user(user.displayName, user.id);
    expected = {
      ownerUpn: home.ownerUpn,
      directorate: home.directorate,
      homeUrl: home.targetSiteUrl,
      sharedUrls: written.shares
        .filter((s) => s.kind === "shared" && s.directorate === home.directorate)
        .map((s) => s.targetSiteUrl),
    };
  });
  afterAll(() => t?.stop());

  it("answers with the person's home drive and their directorate's shared drives, each with where it now lives and a link", async () => {
    await t.channel.driver.message(person, "where has my S drive gone?");
    const card = cardsIn<Card>(t.channel.connector.transcript, t.channel.driver.personalConversationId(person)).at(
      -1,
    )?.card;
    expect(card?.body?.[0]?.text).toBe("Where your drives are now");
    const drives = (card?.body ?? []).filter((b) => b.type === "Container");
    expect(drives.length).toBe(1 + expected.sharedUrls.length);
    const links = drives.map((d) => d.items?.find((i) => i.type === "ActionSet")?.actions?.[0]?.url);
    expect(links).toEqual(
      [expected.homeUrl, ...[...expected.sharedUrls].sort()]
        .map(String)
        .sort((a, b) => (a === expected.homeUrl ? -1 : b === expected.homeUrl ? 1 : 0)),
    );
    const home = drives[0]?.items?.map((i) => i.text).join(" ");
    expect(home).toMatch(/^H: drive \(\\\\FS02\\home\$\\.+\) Moved Now in your OneDrive/);
  });
});
