/**
 * The report of `device_security.get_report`, as the card and the panel read it: fetching it,
 * ranking and counting findings, filtering, sorting, formatting, the CSV export and links.
 *
 * The report may gain fields and codes in later versions of the integration; every reader here
 * accepts what it does not know and shows fallback words instead of codes.
 */
import type { HomeAssistant } from "./ha-types";
import { type LocaleSource, languageOf, localize, word } from "./localize";

export const DOMAIN = "device_security";
export const PANEL_PATH = "/device-security";
export const PANEL_URL_PATH = "device-security";
export const REPAIRS_PATH = "/config/repairs";

export interface Finding {
  check: string;
  severity: string;
  guideline?: string;
  provision?: string;
  summary?: string;
  details?: Record<string, unknown>;
  /** Whether the Repairs page shows it, as the integration decided with the owner's options. */
  repairs_issue?: boolean;
}

export interface Support {
  state: string;
  end?: string | null;
  basis?: string;
  sources?: string[];
}

export interface SecurityContact {
  url?: string | null;
  email?: string | null;
  security_txt?: string | null;
}

export interface DeviceReport {
  device_id: string;
  registry_device_ids?: string[];
  name?: string | null;
  manufacturer?: string | null;
  model?: string | null;
  model_id?: string | null;
  sw_version?: string | null;
  integrations?: string[];
  identified_as?: { id: string; name: string; category?: string } | null;
  identified_by?: string;
  identification?: string | null;
  /** A link that asks for this model to be added, for a device not identified. */
  help_identify?: string | null;
  manufacturer_record?: string | null;
  support?: Support | null;
  security_contact?: SecurityContact | null;
  score?: number;
  findings?: Finding[];
  acknowledged?: Finding[];
  vulnerabilities?: unknown[];
  checked?: string | null;
  [key: string]: unknown;
}

export interface Report {
  generated: string;
  database_date: string;
  score: number;
  devices_monitored: number;
  devices: DeviceReport[];
}

/** Ask the integration for the whole report, over the websocket. */
export async function fetchReport(hass: HomeAssistant): Promise<Report> {
  const answer = await hass.callWS<{ response: Report }>({
    type: "call_service",
    domain: DOMAIN,
    service: "get_report",
    service_data: {},
    return_response: true,
  });
  const report = answer?.response;
  if (!report || !Array.isArray(report.devices)) {
    throw new Error("no report in the answer");
  }
  return report;
}

/**
 * Runs a job one at a time: a call while it runs asks for one more run after it, so the
 * newest state is fetched and no two fetches overlap.
 */
export class OneAtATime {
  private running = false;

  private again = false;

  constructor(private readonly job: () => Promise<void>) {}

  get busy(): boolean {
    return this.running;
  }

  async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      await this.job();
    } finally {
      this.running = false;
    }
    if (this.again) {
      this.again = false;
      await this.run();
    }
  }
}

/** The message of a failed websocket call or any other error. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

// ---------------------------------------------------------------- severities and states

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
const SEVERITY_RANK: Record<string, number> = { critical: 5, high: 4, medium: 3, low: 2, info: 1 };

/** Higher is worse; an unknown severity ranks just above information. */
export function severityRank(severity: string | null | undefined): number {
  return severity == null ? 0 : (SEVERITY_RANK[severity] ?? 1.5);
}

export function findingsOf(device: DeviceReport): Finding[] {
  return Array.isArray(device.findings) ? device.findings : [];
}

/** The device's worst active finding, the first one reported among equals. */
export function worstFinding(device: DeviceReport): Finding | undefined {
  let worst: Finding | undefined;
  for (const finding of findingsOf(device)) {
    if (!worst || severityRank(finding.severity) > severityRank(worst.severity)) {
      worst = finding;
    }
  }
  return worst;
}

export function worstRank(device: DeviceReport): number {
  const worst = worstFinding(device);
  return worst ? severityRank(worst.severity) : 0;
}

/** Whether the device has an active finding the owner should act on (above information). */
export function needsAction(device: DeviceReport): boolean {
  return worstRank(device) > severityRank("info");
}

/** Support states from worst to best; unknown ones sort with "not known". */
export const SUPPORT_STATES = [
  "ended",
  "ending_soon",
  "minimum_passed",
  "no_published_period",
  "unknown",
  "policy",
  "policy_only",
  "community_firmware",
  "supported",
] as const;

export function supportRank(state: string | null | undefined): number {
  const index = (SUPPORT_STATES as readonly string[]).indexOf(state ?? "unknown");
  return index < 0 ? SUPPORT_STATES.indexOf("unknown") : index;
}

export function supportState(device: DeviceReport): string {
  return device.support?.state || "unknown";
}

export function supportEnd(device: DeviceReport): string | null {
  return device.support?.end || null;
}

// ---------------------------------------------------------------- counts

/** What each summary count counts: the finding kinds, as the integration's sensors do. */
export const COUNTED: Readonly<Record<string, readonly string[]>> = {
  support_ended: ["support_ended"],
  support_ending_soon: ["support_ending_soon"],
  default_password_risks: ["default_password_confirmed", "default_password_risk"],
  exposed_services: ["insecure_remote_access", "no_login_required", "unencrypted_web_admin"],
  known_exploited: ["known_exploited_vulnerability"],
  updates_pending: ["update_available"],
};
export const COUNT_KEYS = Object.keys(COUNTED);

/** How many devices have an active finding of each counted kind. */
export function countsOf(report: Report): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [key, checks] of Object.entries(COUNTED)) {
    counts[key] = report.devices.filter((device) =>
      findingsOf(device).some((finding) => checks.includes(finding.check)),
    ).length;
  }
  return counts;
}

/** The integration's summary sensors, by their translation key ("score", "support_ended"). */
export function summarySensors(hass: HomeAssistant): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of Object.values(hass.entities ?? {})) {
    const key = entry.translation_key;
    if (
      entry.platform === DOMAIN &&
      key &&
      (key === "score" || key === "devices_monitored" || key in COUNTED) &&
      entry.entity_id.startsWith("sensor.")
    ) {
      found[key] = entry.entity_id;
    }
  }
  return found;
}

/** A summary sensor's number, or undefined while it is unavailable or missing. */
export function sensorNumber(hass: HomeAssistant, entityId: string | undefined): number | undefined {
  const state = entityId ? hass.states[entityId]?.state : undefined;
  if (state === undefined || state === "" || state === null) {
    return undefined;
  }
  const value = Number(state);
  return Number.isFinite(value) ? value : undefined;
}

/** Changes whenever one of the summary sensors is written: the report is worth fetching again. */
export function sensorSignature(hass: HomeAssistant, sensors: Record<string, string>): string {
  return Object.keys(sensors)
    .sort()
    .map((key) => {
      const state = hass.states[sensors[key]];
      return `${key}=${state?.state ?? ""}@${state?.last_updated ?? ""}`;
    })
    .join("|");
}

// ---------------------------------------------------------------- the devices to act on first

function byName(a: DeviceReport, b: DeviceReport): number {
  return (a.name ?? "").localeCompare(b.name ?? "");
}

/**
 * The most urgent first: the worst finding's severity, then the earliest support end date,
 * then the lowest score, then the name.
 */
export function byUrgency(a: DeviceReport, b: DeviceReport): number {
  return (
    worstRank(b) - worstRank(a) ||
    (supportEnd(a) ?? "9999").localeCompare(supportEnd(b) ?? "9999") ||
    (a.score ?? 100) - (b.score ?? 100) ||
    byName(a, b)
  );
}

/** Devices with something to act on, the most urgent first. */
export function devicesToActOn(report: Report): DeviceReport[] {
  return report.devices.filter(needsAction).sort(byUrgency);
}

// ---------------------------------------------------------------- words

export function deviceName(hass: LocaleSource | undefined, device: DeviceReport): string {
  return (
    device.name ||
    [device.manufacturer, device.model].filter(Boolean).join(" ") ||
    localize(hass, "panel.unnamed")
  );
}

/** A finding in plain words: known kinds by their words, unknown ones by their summary. */
export function findingWords(hass: LocaleSource | undefined, finding: Finding): string {
  return word(hass, "check", finding.check, finding.summary);
}

/** What the card says about a device: its worst finding, or that all is well. */
export function verdict(hass: LocaleSource | undefined, device: DeviceReport): string {
  const worst = worstFinding(device);
  return worst ? findingWords(hass, worst) : localize(hass, "check.none");
}

export function identifiedByWords(hass: LocaleSource | undefined, device: DeviceReport): string {
  if (device.identification) {
    return word(hass, "identification", device.identification);
  }
  return word(hass, "identified_by", device.identified_by);
}

/** A date of the report ("2027-03-01") in the user's language; the day never shifts. */
export function formatDate(hass: LocaleSource | undefined, iso: string | null | undefined): string {
  if (!iso) {
    return "";
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) {
    return iso;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  try {
    return new Intl.DateTimeFormat(languageOf(hass), { dateStyle: "medium", timeZone: "UTC" }).format(
      date,
    );
  } catch {
    return match[0];
  }
}

/** Whether the date the support ends is behind: as the integration judged it, not the clock. */
export function hasEnded(device: DeviceReport): boolean {
  return PASSED_STATES.has(supportState(device));
}
const PASSED_STATES = new Set(["ended", "minimum_passed"]);

/** The support end date in words, for the card: "Support until 30 Jun 2029". */
export function supportDateWords(hass: LocaleSource | undefined, device: DeviceReport): string {
  const end = supportEnd(device);
  if (!end) return "";
  const key = hasEnded(device) ? "card.support_ended" : "card.support_until";
  // The date never breaks across lines; the words before it may.
  return localize(hass, key, { date: formatDate(hass, end).replace(/ /g, "\u00a0") });
}

/** The support end date in words, for the panel's support column: "until 30 Jun 2029". */
export function supportPeriodWords(hass: LocaleSource | undefined, device: DeviceReport): string {
  const end = supportEnd(device);
  if (!end) return "";
  return localize(hass, hasEnded(device) ? "panel.since" : "panel.until", {
    date: formatDate(hass, end),
  });
}

/** When the device's data was checked: its own date if the report has one, else the data's. */
export function checkedDate(report: Report, device: DeviceReport): string {
  return (typeof device.checked === "string" && device.checked) || report.database_date;
}

// ---------------------------------------------------------------- links

/** The device's page in Home Assistant; none for hosts seen only on the network. */
export function devicePath(device: DeviceReport): string | null {
  const ids = device.registry_device_ids ?? [];
  if (!ids.length) {
    return null;
  }
  const id = ids.includes(device.device_id) ? device.device_id : ids[0];
  return `/config/devices/device/${encodeURIComponent(id)}`;
}

/** Whether the finding has a Repairs issue: the report says so; a report that does not, none. */
export function hasIssue(finding: Finding): boolean {
  return finding.repairs_issue === true;
}

export function hasRepairsIssue(device: DeviceReport): boolean {
  return findingsOf(device).some(hasIssue);
}

/** Only web addresses become links: data files from elsewhere cannot inject script URLs. */
export function safeWebUrl(url: unknown): string | null {
  if (typeof url !== "string") {
    return null;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export function safeMailto(email: unknown): string | null {
  if (typeof email !== "string" || !/^[^\s@:/?#]+@[^\s@:/?#]+$/.test(email)) {
    return null;
  }
  return `mailto:${email}`;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/**
 * "Help identify this device": the integration's link to a prefilled GitHub issue form, for a
 * device it does not identify (it carries only what identifies the model).
 */
export function helpIdentifyUrl(device: DeviceReport): string | null {
  return safeWebUrl(device.help_identify);
}

/** Go to a page of Home Assistant without reloading it, as its own links do. */
export function navigate(path: string): void {
  history.pushState(null, "", path);
  window.dispatchEvent(new CustomEvent("location-changed", { detail: { replace: false } }));
}

/** A click on an internal link: navigate in place unless the user asked for a new tab. */
export function handleLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) {
    return;
  }
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  const anchor = event.currentTarget as HTMLAnchorElement | null;
  const path = anchor?.getAttribute("href");
  if (!path || !path.startsWith("/")) {
    return;
  }
  event.preventDefault();
  navigate(path);
}

// ---------------------------------------------------------------- filtering and sorting

export interface Filters {
  state: string; // a support state, or "" for all
  severity: string; // "at least this severity", "none" for no findings, "" for all
  integration: string;
  identification: "" | "identified" | "unidentified";
  text: string;
}

export const NO_FILTERS: Filters = {
  state: "",
  severity: "",
  integration: "",
  identification: "",
  text: "",
};

export function filterDevices(devices: DeviceReport[], filters: Filters): DeviceReport[] {
  const text = filters.text.trim().toLowerCase();
  return devices.filter((device) => {
    if (filters.state && supportState(device) !== filters.state) {
      return false;
    }
    if (filters.severity === "none") {
      if (findingsOf(device).length) return false;
    } else if (filters.severity && worstRank(device) < severityRank(filters.severity)) {
      return false;
    }
    if (filters.integration && !(device.integrations ?? []).includes(filters.integration)) {
      return false;
    }
    if (filters.identification === "identified" && !device.identified_as) {
      return false;
    }
    if (filters.identification === "unidentified" && device.identified_as) {
      return false;
    }
    if (text) {
      const haystack = [
        device.name,
        device.manufacturer,
        device.model,
        device.model_id,
        device.identified_as?.name,
      ]
        .filter(Boolean)
        .join(" ")
        .toLowerCase();
      if (!haystack.includes(text)) return false;
    }
    return true;
  });
}

export const SORT_KEYS = [
  "device",
  "manufacturer",
  "product",
  "identified_by",
  "support",
  "findings",
  "checked",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  descending: boolean;
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, undefined, { sensitivity: "base", numeric: true });
}

/** Sort a copy of the devices; ties fall back to the most urgent first, then the name. */
export function sortDevices(
  hass: LocaleSource | undefined,
  report: Report,
  devices: DeviceReport[],
  sort: Sort,
): DeviceReport[] {
  const primary = (a: DeviceReport, b: DeviceReport): number => {
    switch (sort.key) {
      case "device":
        return compareText(deviceName(hass, a), deviceName(hass, b));
      case "manufacturer":
        return compareText(a.manufacturer ?? "", b.manufacturer ?? "");
      case "product":
        return compareText(a.identified_as?.name ?? "", b.identified_as?.name ?? "");
      case "identified_by":
        return compareText(identifiedByWords(hass, a), identifiedByWords(hass, b));
      case "support":
        // Worst first when ascending: ended, ending soon..., then the earliest end date.
        return (
          supportRank(supportState(a)) - supportRank(supportState(b)) ||
          (supportEnd(a) ?? "9999").localeCompare(supportEnd(b) ?? "9999")
        );
      case "findings":
        // Descending, the default, is the card's order: the most urgent first.
        return -byUrgency(a, b);
      case "checked":
        return checkedDate(report, a).localeCompare(checkedDate(report, b));
    }
    return 0;
  };
  // A manufacturer or product not known sorts last, whichever the direction.
  const missing = (device: DeviceReport): boolean =>
    (sort.key === "manufacturer" && !device.manufacturer) ||
    (sort.key === "product" && !device.identified_as?.name);
  const direction = sort.descending ? -1 : 1;
  return [...devices].sort(
    (a, b) =>
      Number(missing(a)) - Number(missing(b)) ||
      direction * primary(a, b) ||
      worstRank(b) - worstRank(a) ||
      compareText(deviceName(hass, a), deviceName(hass, b)),
  );
}

// ---------------------------------------------------------------- export

/** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: unknown): string {
  let text = value == null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function contactText(contact: SecurityContact | null | undefined): string {
  if (!contact) return "";
  return [contact.url, contact.email, contact.security_txt].filter(Boolean).join(" ");
}

/** The devices as CSV, in the user's words; serial numbers and MAC addresses left out. */
export function toCsv(hass: LocaleSource | undefined, report: Report, devices: DeviceReport[]): string {
  const columns = [
    "name",
    "manufacturer",
    "model",
    "model_id",
    "firmware",
    "integrations",
    "product",
    "identified_by",
    "support",
    "support_end",
    "findings",
    "score",
    "contact",
    "sources",
    "checked",
  ];
  const rows = devices.map((device) => [
    deviceName(hass, device),
    device.manufacturer ?? "",
    device.model ?? "",
    device.model_id ?? "",
    device.sw_version ?? "",
    (device.integrations ?? []).join(", "),
    device.identified_as?.name ?? "",
    identifiedByWords(hass, device),
    word(hass, "support_state", supportState(device)),
    supportEnd(device) ?? "",
    findingsOf(device)
      .map((finding) => {
        const guideline = finding.guideline && finding.guideline !== "-" ? finding.guideline : "";
        const severity = word(hass, "severity", finding.severity);
        return `${findingWords(hass, finding)} (${severity}${guideline ? `; ${localize(hass, "panel.guideline", { guideline })}` : ""})`;
      })
      .join("; "),
    device.score ?? "",
    contactText(device.security_contact),
    (device.support?.sources ?? []).join(" "),
    checkedDate(report, device),
  ]);
  const header = columns.map((column) => localize(hass, `csv.${column}`));
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Let the browser save `content` as a file. */
export function downloadFile(filename: string, type: string, content: string): void {
  const blob = new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = filename;
  anchor.rel = "noopener";
  anchor.style.display = "none";
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
