import type { Selectable } from "kysely";

/** A person in the council's directory, as core sees them (mapped from Graph by graph/). */
export type DirectoryUser = {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  jobTitle: string | null;
  /** The directorate, as the council's directory records it. */
  department: string | null;
  /** The service within the directorate (Graph employeeOrgData.division). */
  division: string | null;
  officeLocation: string | null;
  employeeId: string | null;
  accountEnabled: boolean;
};

/**
 * What one delta item says about a person: Graph may send only the properties
 * that changed. A property present (even as null) is set; one absent is kept.
 */
export type DirectoryUserPatch = { id: string } & Partial<Omit<DirectoryUser, "id">>;

export type DirectoryUserTable = {
  id: string;
  user_principal_name: string;
  display_name: string;
  given_name: string | null;
  surname: string | null;
  mail: string | null;
  job_title: string | null;
  department: string | null;
  division: string | null;
  office_location: string | null;
  employee_id: string | null;
  account_enabled: boolean;
  manager_id: string | null;
  manager_synced_at: Date | null;
  synced_at: Date;
  removed_at: Date | null;
};

export type DirectoryUserRow = Selectable<DirectoryUserTable>;
