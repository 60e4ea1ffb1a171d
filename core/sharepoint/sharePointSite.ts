/** A SharePoint site and its document library's storage, as core sees it. */
export type SharePointSite = {
  id: string;
  name: string | null;
  displayName: string | null;
  webUrl: string;
  createdAt: Date | null;
  driveId: string | null;
  quota: {
    totalBytes: number;
    usedBytes: number;
    remainingBytes: number;
    deletedBytes: number;
    state: string;
  } | null;
  rootChildCount: number | null;
};

export type SharePointSiteTable = {
  id: string;
  name: string | null;
  display_name: string | null;
  web_url: string;
  created_at: Date | null;
  drive_id: string | null;
  quota_total_bytes: number | null;
  quota_used_bytes: number | null;
  quota_remaining_bytes: number | null;
  quota_deleted_bytes: number | null;
  quota_state: string | null;
  root_child_count: number | null;
  synced_at: Date;
  sync_run: number;
  removed_at: Date | null;
};
