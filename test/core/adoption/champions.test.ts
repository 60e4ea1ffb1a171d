import { randomUUID } from "node:crypto";
import { afterEach, expect, it } from "vitest";
import { addChampion, championsByDirectorate, removeChampion } from "../../../core/adoption/champions";
import { isAppError } from "../../../core/errors";
import { t } from "../../../core/messages/catalogue";
import type { Store } from "../../../core/store/openStore";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";

const ict = "ict.lead@council.example";

describeOnEachEngine("digital champions", (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  /** A person in the directory; returns their id. */
  async function person(displayName: string, department: string | null, jobTitle: string | null = null) {
    const id = randomUUID();
    await store.db
      .insertInto("directory_user")
      .values({
        id,
        user_principal_name: `${id.slice(0, 8)}@council.example`,
        display_name: displayName,
        department,
        job_title: jobTitle,
        account_enabled: true,
        synced_at: new Date(),
      })
      .execute();
    return id;
  }

  it("records champions per directorate and lists them by name with their job titles", async () => {
    store = await openMigratedStore(engine);
    const zoe = await person("Zoe Williams", "Place", "Waste officer");
    const aled = await person("Aled Rees", "Place", "Planner");
    const priya = await person("Priya Shah", "Resources");
    await addChampion(store.db, "Place", zoe, ict);
    await addChampion(store.db, "Place", aled, ict);
    await addChampion(store.db, "Resources", priya, ict);
    await addChampion(store.db, "Place", zoe, ict);
    const champions = await championsByDirectorate(store.db);
    expect(champions.get("Place")).toEqual([
      { userId: aled, displayName: "Aled Rees", jobTitle: "Planner" },
      { userId: zoe, displayName: "Zoe Williams", jobTitle: "Waste officer" },
    ]);
    expect(champions.get("Resources")).toEqual([{ userId: priya, displayName: "Priya Shah", jobTitle: null }]);
  });

  it("lets someone champion a directorate they do not work in", async () => {
    store = await openMigratedStore(engine);
    await person("Someone in Place", "Place");
    const helper = await person("Helpful Harriet", "Resources");
    await addChampion(store.db, "Place", helper, ict);
    expect((await championsByDirectorate(store.db)).get("Place")?.map((c) => c.userId)).toEqual([helper]);
  });

  it("refuses a directorate nobody is in, and a person not in the directory", async () => {
    store = await openMigratedStore(engine);
    const someone = await person("Sam Jones", "Place");
    await expect(addChampion(store.db, "Ministry of Magic", someone, ict)).rejects.toSatisfy(
      (e) => isAppError(e, "invalid_input") && e.message === t("adoption.champion.error.directorate"),
    );
    await expect(addChampion(store.db, "Place", randomUUID(), ict)).rejects.toSatisfy(
      (e) => isAppError(e, "not_found") && e.message === t("adoption.champion.error.user"),
    );
  });

  it("removes a champion, and stops showing one who has left the council", async () => {
    store = await openMigratedStore(engine);
    const staying = await person("Staying Steph", "Place");
    const leaving = await person("Leaving Len", "Place");
    const removed = await person("Removed Rhys", "Place");
    for (const id of [staying, leaving, removed]) await addChampion(store.db, "Place", id, ict);
    await removeChampion(store.db, "Place", removed);
    await store.db.updateTable("directory_user").set({ removed_at: new Date() }).where("id", "=", leaving).execute();
    expect((await championsByDirectorate(store.db)).get("Place")?.map((c) => c.displayName)).toEqual(["Staying Steph"]);
    await expect(removeChampion(store.db, "Place", removed)).rejects.toSatisfy((e) => isAppError(e, "not_found"));
  });
});
