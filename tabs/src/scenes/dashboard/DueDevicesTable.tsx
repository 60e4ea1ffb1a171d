import {
  Body1,
  Button,
  Field,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { t } from "../../../../core/messages/catalogue";
import type { DueDevice, DuePage } from "../../api/types";
import { ErrorBar } from "../../components/ErrorBar";
import { ResourceView } from "../../components/ResourceView";
import { ScrollRegion } from "../../components/ScrollRegion";
import { Section } from "../../components/Section";
import { StateBadge } from "../../components/StateBadge";
import { useSignedIn } from "../../data/apiContext";
import { useResource } from "../../data/useResource";
import { formatNumber } from "../../format";
import { downloadCsv } from "./csvDownload";
import { stateLabel, stateOrder } from "./stateColours";

const pageSize = 25;
/** A current device needs nothing, so it is not in the list (core/refresh's attentionStates). */
const listedStates = stateOrder.filter((s) => s !== "current");

type SortKey = "name" | "owner" | "directorate" | "model" | "state" | "age";
const columns: { key: SortKey; header: () => string; cell: (d: DueDevice) => React.ReactNode }[] = [
  { key: "name", header: () => t("tabs.devices.name"), cell: (d) => d.name },
  { key: "owner", header: () => t("tabs.due.owner"), cell: (d) => d.owner ?? "—" },
  { key: "directorate", header: () => t("tabs.due.directorate"), cell: (d) => d.directorate ?? "—" },
  { key: "model", header: () => t("tabs.devices.model"), cell: (d) => d.model ?? "—" },
  {
    key: "state",
    header: () => t("tabs.devices.state"),
    cell: (d) => <StateBadge state={d.state} label={d.stateLabel} />,
  },
  {
    key: "age",
    header: () => t("tabs.due.age"),
    cell: (d) => (d.estimatedAgeYears === null ? "—" : d.estimatedAgeYears.toFixed(1)),
  },
];

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  pager: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

/** Devices due for refresh, filtered, sorted and paged by the server, with the CSV export. */
export function DueDevicesTable({ directorates }: { directorates: string[] }) {
  const styles = useStyles();
  const { api } = useSignedIn();
  const [state, setState] = useState("");
  const [directorate, setDirectorate] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; direction: "asc" | "desc" }>({ key: "state", direction: "asc" });
  const [page, setPage] = useState(1);
  const [exportError, setExportError] = useState<unknown>(null);

  const query = new URLSearchParams({
    ...(state ? { state } : {}),
    ...(directorate ? { directorate } : {}),
    sort: sort.key,
    direction: sort.direction,
    page: String(page),
    pageSize: String(pageSize),
  }).toString();
  const due = useResource(`due?${query}`, (client) => client.get<DuePage>(`/ict/refresh/due?${query}`));

  // A new filter starts again from the first page.
  const filterBy = (set: (value: string) => void, value: string) => {
    set(value);
    setPage(1);
  };
  const sortBy = (key: SortKey) => {
    setSort((current) => ({ key, direction: current.key === key && current.direction === "asc" ? "desc" : "asc" }));
    setPage(1);
  };
  const exportCsv = () => {
    setExportError(null);
    downloadCsv(api, "/ict/refresh/due.csv", "devices-due.csv").catch(setExportError);
  };

  return (
    <Section heading={t("tabs.due.heading")}>
      <div className={styles.filters}>
        <Field label={t("tabs.due.stateFilter")}>
          <Select value={state} onChange={(_e, data) => filterBy(setState, data.value)}>
            <option value="">{t("tabs.due.replacementStates")}</option>
            {listedStates.map((s) => (
              <option key={s} value={s}>
                {stateLabel(s)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("tabs.due.directorateFilter")}>
          <Select value={directorate} onChange={(_e, data) => filterBy(setDirectorate, data.value)}>
            <option value="">{t("tabs.due.allDirectorates")}</option>
            {directorates.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={exportCsv}>{t("tabs.due.export")}</Button>
      </div>
      {exportError !== null && <ErrorBar error={exportError} />}
      <ResourceView resource={due}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
          return (
            <>
              <ScrollRegion label={t("tabs.due.heading")}>
                <Table aria-label={t("tabs.due.heading")} size="small" sortable>
                  <TableHeader>
                    <TableRow>
                      {columns.map((column) => (
                        <TableHeaderCell
                          key={column.key}
                          sortDirection={
                            sort.key === column.key
                              ? sort.direction === "asc"
                                ? "ascending"
                                : "descending"
                              : undefined
                          }
                          onClick={() => sortBy(column.key)}
                        >
                          {column.header()}
                        </TableHeaderCell>
                      ))}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.devices.map((device) => (
                      <TableRow key={device.id}>
                        {columns.map((column) => (
                          <TableCell key={column.key}>{column.cell(device)}</TableCell>
                        ))}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </ScrollRegion>
              {data.devices.length === 0 && <Body1>{t("tabs.due.none")}</Body1>}
              <nav className={styles.pager} aria-label={t("tabs.due.paging")}>
                <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  {t("tabs.due.previous")}
                </Button>
                <Body1 aria-live="polite">
                  {t("tabs.due.pageOf", { page: data.page, pages, total: formatNumber(data.total) })}
                </Body1>
                <Button disabled={page >= pages} onClick={() => setPage(page + 1)}>
                  {t("tabs.due.next")}
                </Button>
              </nav>
            </>
          );
        }}
      </ResourceView>
    </Section>
  );
}
