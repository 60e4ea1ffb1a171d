import type { Browser } from "playwright-core";
import { expect } from "vitest";
import type { DevUser } from "../../bot/devchannel/driver";
import { generateCouncil } from "../../graph/devtenant/council";
import { devicesSync } from "../../graph/sync/devicesSync";
import { runSync } from "../../graph/sync/runSync";
import { usersSync } from "../../graph/sync/usersSync";
import { launchChromium } from "./chromium";
import { buildTabs } from "./tabsBrowser";
import { startTestApp, type TestApp } from "./testApp";
import { cardsIn } from "./transcriptReading";

/** A person as the browser tests sign them in. */
export type Person = { id: string; name: string; upn: string };

export type TabsFixture = {
  t: TestApp;
  browser: Browser;
  /** Has a device and a line manager, and manages no one. */
  staff: Person;
  /** The staff member's manager. */
  manager: Person;
  /** Listed in ICT_STAFF. */
  ict: Person;
  stop(): Promise<void>;
};

const deskChannel = "19:servicedesk@thread.tacv2";
const council = { DEV_TENANT_STAFF: "60", DEV_TENANT_DEVICES: "80", DEV_TENANT_SEED: "1" } as const;

/**
 * The built tabs served by the real app on the dev tenant, its people and
 * devices synced, and Chromium. The ICT user is chosen from the same generated
 * council before the app starts, because ICT_STAFF is read once at start.
 */
export async function startTabsFixture(): Promise<TabsFixture> {
  const generated = generateCouncil({
    seed: Number(council.DEV_TENANT_SEED),
    staff: Number(council.DEV_TENANT_STAFF),
    devices: Number(council.DEV_TENANT_DEVICES),
  });
  const ictUser = [...generated.users.values()]
    .filter((u) => u.accountEnabled)
    .sort((a, b) => a.userPrincipalName.localeCompare(b.userPrincipalName))
    .at(-1);
  if (!ictUser) throw new Error("the dev council has no one to make ICT");

  const tabsDir = await buildTabs();
  const t = await startTestApp({
    ...council,
    TABS_DIR: tabsDir,
    SERVICE_DESK_CHANNEL_ID: deskChannel,
    ICT_STAFF: ictUser.userPrincipalName,
  });
  for (const job of [usersSync, devicesSync]) {
    expect((await runSync(t.app.syncDeps, job)).status).toBe("succeeded");
  }
  t.channel.connector.openConversation(deskChannel);

  const chain = await t.app.store.db
    .selectFrom("directory_user as staff")
    .innerJoin("directory_user as boss", "boss.id", "staff.manager_id")
    .innerJoin("managed_device", "managed_device.user_id", "staff.id")
    .select([
      "staff.id as staffId",
      "staff.display_name as staffName",
      "staff.user_principal_name as staffUpn",
      "boss.id as bossId",
      "boss.display_name as bossName",
      "boss.user_principal_name as bossUpn",
    ])
    .where("managed_device.removed_at", "is", null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("directory_user as report").whereRef("report.manager_id", "=", "staff.id").select("report.id"),
        ),
      ),
    )
    .where("staff.user_principal_name", "!=", ictUser.userPrincipalName)
    .where("boss.user_principal_name", "!=", ictUser.userPrincipalName)
    .orderBy("staff.display_name")
    .executeTakeFirstOrThrow();

  const staff = { id: chain.staffId, name: chain.staffName, upn: chain.staffUpn };
  const manager = { id: chain.bossId, name: chain.bossName, upn: chain.bossUpn };
  const browser = await launchChromium();
  return {
    t,
    browser,
    staff,
    manager,
    ict: { id: ictUser.id, name: ictUser.displayName, upn: ictUser.userPrincipalName },
    async stop() {
      await browser.close();
      await t.stop();
    },
  };
}

/** The staff member asks the bot for a laptop, which sends the request to their manager. */
export async function requestLaptopThroughBot(t: TestApp, requester: Person): Promise<void> {
  const user: DevUser = t.channel.driver.user(requester.name, requester.id);
  await t.channel.driver.install(user);
  await t.channel.driver.message(user, "I need a new laptop");
  const chat = t.channel.driver.personalConversationId(user);
  const form = cardsIn<{ body?: { id?: string }[] }>(t.channel.connector.transcript, chat).at(-1);
  const needsJustification = form?.card.body?.some((b) => b.id === "justification");
  await t.channel.driver.cardAction(
    user,
    {
      verb: "request.submit",
      data: {
        kind: "standard-laptop",
        reason: "The hinge has snapped",
        urgency: "normal",
        ...(needsJustification ? { justification: "I work on the road all week" } : {}),
      },
    },
    form?.activityId,
  );
}
