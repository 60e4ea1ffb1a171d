export type AppInstanceTable = {
  id: string;
  host: string;
  pid: number;
  version: string;
  started_at: Date;
  last_seen_at: Date;
};
