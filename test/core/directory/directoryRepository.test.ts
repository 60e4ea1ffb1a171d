import { afterEach, expect, it } from "vitest";
import { upsertDirectoryUsers } from "../../../core/directory/directoryRepository";
import type { Store } from "../../../core/store/openStore";
import { describeOnEachEngine, openMigratedStore } from "../../support/storeEngines";

const priya = {
  id: "7d1f1c3e-0000-4000-8000-000000000001",
  userPrincipalName: "priya.shah@llanfair.gov.uk",
  displayName: "Priya Shah",
  givenName: "Priya",
  surname: "Shah",
  mail: "priya.shah@llanfair.gov.uk",
  jobTitle: "Benefits Officer",
  department: "Resources",
  division: "Revenues and Benefits",
  officeLocation: "County Hall",
  employeeId: "100234",
  accountEnabled: true,
};

describeOnEachEngine("people in the directory", (engine) => {
  let store: Store;
  afterEach(() => store?.close());

  it("changes only the properties a delta item carries, and clears one Graph sends as null", async () => {
    store = await openMigratedStore(engine);
    await upsertDirectoryUsers(store.db, [priya], new Date());
    await upsertDirectoryUsers(
      store.db,
      [{ id: priya.id, jobTitle: "Senior Benefits Officer", officeLocation: null }],
      new Date(),
    );

    const row = await store.db
      .selectFrom("directory_user")
      .selectAll()
      .where("id", "=", priya.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      job_title: "Senior Benefits Officer",
      office_location: null,
      department: "Resources",
      division: "Revenues and Benefits",
      display_name: "Priya Shah",
      account_enabled: true,
    });
  });

  it("asks for the manager again after a change, and brings back someone who had been removed", async () => {
    store = await openMigratedStore(engine);
    await upsertDirectoryUsers(store.db, [priya], new Date());
    await store.db
      .updateTable("directory_user")
      .set({ manager_id: "m", manager_synced_at: new Date(), removed_at: new Date() })
      .execute();
    await upsertDirectoryUsers(store.db, [{ id: priya.id, department: "Place" }], new Date());
    const row = await store.db
      .selectFrom("directory_user")
      .selectAll()
      .where("id", "=", priya.id)
      .executeTakeFirstOrThrow();
    expect(row.manager_synced_at).toBeNull();
    expect(row.removed_at).toBeNull();
    expect(row.manager_id).toBe("m");
  });
});
