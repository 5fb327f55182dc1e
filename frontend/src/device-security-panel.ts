/**
 * The "Device Security" sidebar panel: every device in one table, sortable and filterable,
 * with downloads of the report. It reads `device_security.get_report`, like the card.
 */
import { LitElement, type PropertyValues, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";

import { define } from "./define";
import type { HomeAssistant } from "./ha-types";
import { localize, word } from "./localize";
import {
  type DeviceReport,
  type Filters,
  type Finding,
  NO_FILTERS,
  type Report,
  SEVERITIES,
  type Sort,
  type SortKey,
  checkedDate,
  deviceName,
  devicePath,
  downloadFile,
  errorMessage,
  fetchReport,
  OneAtATime,
  filterDevices,
  findingWords,
  formatDate,
  handleLinkClick,
  helpIdentifyUrl,
  hostOf,
  identifiedByWords,
  safeMailto,
  safeWebUrl,
  sensorSignature,
  severityRank,
  sortDevices,
  summarySensors,
  supportRank,
  supportState,
  supportPeriodWords,
  toCsv,
} from "./report";

export const PANEL_TAG = "device-security-panel";
/** Vulnerability ids listed per finding; the rest are counted. */
const MAX_VULNERABILITIES = 5;

interface Column {
  key: string;
  sort?: SortKey;
}

const COLUMNS: Column[] = [
  { key: "device", sort: "device" },
  { key: "manufacturer", sort: "manufacturer" },
  { key: "product", sort: "product" },
  { key: "identified_by", sort: "identified_by" },
  { key: "support", sort: "support" },
  { key: "findings", sort: "findings" },
  { key: "contact" },
  { key: "sources" },
  { key: "checked", sort: "checked" },
];

export class DeviceSecurityPanel extends LitElement {
  @property({ attribute: false }) hass?: HomeAssistant;

  @property({ type: Boolean, reflect: true }) narrow = false;

  @property({ attribute: false }) route?: unknown;

  @property({ attribute: false }) panel?: unknown;

  @state() private _report?: Report;

  @state() private _error?: string;

  @state() private _loading = false;

  @state() private _sort: Sort = { key: "findings", descending: true };

  @state() private _filters: Filters = { ...NO_FILTERS };

  @state() private _integrationNames: Record<string, string> = {};

  private _signature?: string;

  private readonly _fetch = new OneAtATime(async () => {
    if (!this.hass) return;
    this._loading = true;
    try {
      this._report = await fetchReport(this.hass);
      this._error = undefined;
      void this._loadIntegrationNames(this._report);
    } catch (error) {
      this._error = errorMessage(error);
    } finally {
      this._loading = false;
    }
  });

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("hass") && this.hass) {
      const signature = sensorSignature(this.hass, summarySensors(this.hass));
      if (signature !== this._signature || (!this._report && !this._loading && !this._error)) {
        this._signature = signature;
        void this.reload();
      }
    }
  }

  /** Fetch the report again; a change during a fetch asks for one more fetch after it. */
  async reload(): Promise<void> {
    await this._fetch.run();
  }

  /** The integrations' names, from their manifests; their domains are shown otherwise. */
  private async _loadIntegrationNames(report: Report): Promise<void> {
    const domains = [...new Set(report.devices.flatMap((device) => device.integrations ?? []))];
    const missing = domains.filter((domain) => !(domain in this._integrationNames));
    if (!missing.length || !this.hass) return;
    try {
      const manifests = await this.hass.callWS<{ domain: string; name?: string }[]>({
        type: "manifest/list",
        integrations: missing,
      });
      const names = { ...this._integrationNames };
      for (const manifest of manifests ?? []) {
        if (manifest?.domain && manifest.name) names[manifest.domain] = manifest.name;
      }
      this._integrationNames = names;
    } catch {
      // Names are a nicety: the domains stay.
    }
  }

  private _integrationName(domain: string): string {
    return this._integrationNames[domain] ?? domain;
  }

  /** The devices shown: filtered, then sorted. */
  get shownDevices(): DeviceReport[] {
    if (!this._report) return [];
    return sortDevices(
      this.hass,
      this._report,
      filterDevices(this._report.devices, this._filters),
      this._sort,
    );
  }

  protected render() {
    const hass = this.hass;
    return html`
      <div class="toolbar">
        <ha-menu-button .hass=${hass} .narrow=${this.narrow}></ha-menu-button>
        <h1 class="main-title">${localize(hass, "panel.title")}</h1>
      </div>
      <main class="content">${this._renderBody()}</main>
    `;
  }

  private _renderBody() {
    const hass = this.hass;
    const report = this._report;
    if (!report) {
      return html`<p class="status" role="status">
        ${this._error
          ? localize(hass, "panel.error", { message: this._error })
          : localize(hass, "panel.loading")}
      </p>`;
    }
    const devices = this.shownDevices;
    return html`
      <section class="summary">
        <p class="score">${localize(hass, "panel.score", { score: report.score })}</p>
        <p class="secondary">
          ${localize(hass, "panel.assessed", {
            generated: formatDate(hass, report.generated),
            database_date: formatDate(hass, report.database_date),
          })}
        </p>
        ${this._error
          ? html`<p class="error" role="alert">
              ${localize(hass, "panel.error", { message: this._error })}
            </p>`
          : nothing}
        <div class="actions">
          <button class="reload" @click=${() => this.reload()} ?disabled=${this._loading}>
            ${localize(hass, "panel.reload")}
          </button>
          <button class="download-json" @click=${this._downloadJson}>
            ${localize(hass, "panel.download_json")}
          </button>
          <button
            class="download-csv"
            @click=${this._downloadCsv}
            title=${localize(hass, "panel.download_csv_hint")}
          >
            ${localize(hass, "panel.download_csv")}
          </button>
        </div>
      </section>
      ${this._renderFilters(report)}
      <p class="shown secondary" role="status" aria-live="polite">
        ${localize(hass, "panel.shown", { shown: devices.length, total: report.devices.length })}
      </p>
      ${report.devices.length === 0
        ? html`<p class="status">${localize(hass, "panel.no_devices")}</p>`
        : this._renderTable(report, devices)}
    `;
  }

  private _renderFilters(report: Report) {
    const hass = this.hass;
    const states = [...new Set(report.devices.map(supportState))].sort(
      (a, b) => supportRank(a) - supportRank(b),
    );
    const integrations = [...new Set(report.devices.flatMap((device) => device.integrations ?? []))]
      .map((domain) => [domain, this._integrationName(domain)] as const)
      .sort((a, b) => a[1].localeCompare(b[1]));
    const filters = this._filters;
    const select = (
      name: keyof Filters,
      options: readonly (readonly [string, string])[],
    ) => html`
      <label class="filter">
        <span>${localize(hass, `panel.filter_${name}`)}</span>
        <select name=${name} @change=${this._filterChanged}>
          <option value="" ?selected=${!filters[name]}>${localize(hass, "panel.all")}</option>
          ${options.map(
            ([value, text]) =>
              html`<option value=${value} ?selected=${filters[name] === value}>${text}</option>`,
          )}
        </select>
      </label>
    `;
    return html`
      <fieldset class="filters">
        <legend class="visually-hidden">${localize(hass, "panel.filters")}</legend>
        <label class="filter search">
          <span>${localize(hass, "panel.search")}</span>
          <input
            name="text"
            type="search"
            .value=${filters.text}
            placeholder=${localize(hass, "panel.search_placeholder")}
            @input=${this._filterChanged}
          />
        </label>
        ${select(
          "state",
          states.map((code) => [code, word(hass, "support_state", code)] as const),
        )}
        ${select("severity", [
          ...SEVERITIES.filter((severity) => severity !== "info").map(
            (severity) =>
              [
                severity,
                localize(hass, "panel.at_least", { severity: word(hass, "severity", severity) }),
              ] as const,
          ),
          ["info", localize(hass, "panel.any_finding")] as const,
          ["none", localize(hass, "panel.no_findings")] as const,
        ])}
        ${select("integration", integrations)}
        ${select("identification", [
          ["identified", localize(hass, "panel.identified")],
          ["unidentified", localize(hass, "panel.unidentified")],
        ])}
      </fieldset>
    `;
  }

  private _renderTable(report: Report, devices: DeviceReport[]) {
    const hass = this.hass;
    return html`
      <div class="table-wrapper">
        <table>
          <caption class="visually-hidden">
            ${localize(hass, "panel.caption")}
          </caption>
          <thead>
            <tr>
              ${COLUMNS.map((column) => this._renderHeader(column))}
            </tr>
          </thead>
          <tbody>
            ${devices.map((device) => this._renderRow(report, device))}
          </tbody>
        </table>
      </div>
      ${devices.length === 0
        ? html`<p class="status">${localize(hass, "panel.no_match")}</p>`
        : nothing}
    `;
  }

  private _renderHeader(column: Column) {
    const label = localize(this.hass, `panel.columns.${column.key}`);
    if (!column.sort) {
      return html`<th scope="col">${label}</th>`;
    }
    const active = this._sort.key === column.sort;
    const ariaSort = active ? (this._sort.descending ? "descending" : "ascending") : "none";
    return html`<th scope="col" aria-sort=${ariaSort} data-column=${column.key}>
      <button
        class="sort"
        @click=${() => this._sortBy(column.sort!)}
        title=${localize(this.hass, "panel.sort_by", { column: label })}
      >
        ${label}<span class="arrow" aria-hidden="true"
          >${active ? (this._sort.descending ? "▼" : "▲") : ""}</span
        >
      </button>
    </th>`;
  }

  private _renderRow(report: Report, device: DeviceReport) {
    const hass = this.hass;
    const name = deviceName(hass, device);
    const page = devicePath(device);
    const help = helpIdentifyUrl(device);
    return html`
      <tr data-device=${device.device_id}>
        <th scope="row" class="device">
          ${page
            ? html`<a
                href=${page}
                @click=${handleLinkClick}
                title=${localize(hass, "panel.device_page", { device: name })}
                >${name}</a
              >`
            : html`<span>${name}</span>`}
          <div class="secondary small">
            ${(device.integrations ?? []).map((domain) => this._integrationName(domain)).join(", ")}
          </div>
        </th>
        <td>${device.manufacturer || localize(hass, "panel.unknown")}</td>
        <td class="product">
          <div>${device.identified_as?.name || localize(hass, "panel.unidentified")}</div>
          ${device.model && device.model !== device.identified_as?.name
            ? html`<div class="secondary small">${device.model}</div>`
            : nothing}
          ${help
            ? html`<a
                class="help-identify"
                href=${help}
                target="_blank"
                rel="noopener noreferrer"
                title=${localize(hass, "panel.help_identify_hint")}
                >${localize(hass, "panel.help_identify")}</a
              >`
            : nothing}
        </td>
        <td>${identifiedByWords(hass, device)}</td>
        <td class="support state-${supportState(device)}">
          <div class="state">${word(hass, "support_state", supportState(device))}</div>
          ${device.support?.end
            ? html`<div class="small">${supportPeriodWords(hass, device)}</div>`
            : nothing}
          ${device.support?.basis && word(hass, "support_basis", device.support.basis)
            ? html`<div class="secondary small">
                ${word(hass, "support_basis", device.support.basis)}
              </div>`
            : nothing}
        </td>
        <td class="findings">${this._renderFindings(device)}</td>
        <td class="contact">${this._renderContact(device)}</td>
        <td class="sources">${this._renderSources(device)}</td>
        <td>${formatDate(hass, checkedDate(report, device))}</td>
      </tr>
    `;
  }

  private _renderFindings(device: DeviceReport) {
    const hass = this.hass;
    // The worst first; equals keep the integration's order.
    const findings = [...(device.findings ?? [])].sort(
      (a, b) => severityRank(b.severity) - severityRank(a.severity),
    );
    const acknowledged = device.acknowledged ?? [];
    const vulnerabilities = Array.isArray(device.vulnerabilities) ? device.vulnerabilities : [];
    if (!findings.length && !acknowledged.length && !vulnerabilities.length) {
      return html`<span class="secondary">${localize(hass, "panel.no_findings")}</span>`;
    }
    const item = (finding: Finding, muted: boolean) => {
      const words = findingWords(hass, finding);
      const guideline =
        finding.guideline && finding.guideline !== "-"
          ? localize(hass, "panel.guideline", { guideline: finding.guideline })
          : "";
      return html`<li class=${muted ? "muted" : ""}>
        <span class="badge severity-${finding.severity}"
          >${word(hass, "severity", finding.severity)}</span
        >
        <span>${muted ? localize(hass, "panel.acknowledged", { finding: words }) : words}</span>
        ${guideline
          ? html`<span class="guideline secondary small" title=${finding.provision ?? ""}
              >${guideline}</span
            >`
          : nothing}
        ${this._renderDetails(finding)}
      </li>`;
    };
    return html`<ul class="finding-list">
      ${findings.map((finding) => item(finding, false))}
      ${acknowledged.map((finding) => item(finding, true))}
      ${vulnerabilities.length
        ? html`<li>${localize(hass, "panel.vulnerabilities", { count: vulnerabilities.length })}</li>`
        : nothing}
    </ul>`;
  }

  /** What a finding's details say that helps to act: the vulnerabilities, the fixed firmware. */
  private _renderDetails(finding: Finding) {
    const details = finding.details ?? {};
    const cves = typeof details.cves === "string" ? details.cves.match(/CVE-\d{4}-\d{4,}/g) ?? [] : [];
    const shown = cves.slice(0, MAX_VULNERABILITIES);
    const fixed = typeof details.fixed_version === "string" ? details.fixed_version : "";
    if (!cves.length && !fixed) return nothing;
    return html`<div class="details small">
      ${cves.length
        ? html`<div>
            ${localize(this.hass, "panel.vulnerability_ids")}${shown.map(
              (cve, index) =>
                html`${index ? ", " : ""}<a
                    href="https://www.cve.org/CVERecord?id=${cve}"
                    target="_blank"
                    rel="noopener noreferrer"
                    >${cve}</a
                  >`,
            )}${cves.length > shown.length
              ? localize(this.hass, "panel.more_vulnerabilities", {
                  count: cves.length - shown.length,
                })
              : nothing}
          </div>`
        : nothing}
      ${fixed ? html`<div>${localize(this.hass, "panel.fixed_in", { version: fixed })}</div>` : nothing}
    </div>`;
  }

  private _renderContact(device: DeviceReport) {
    const hass = this.hass;
    const contact = device.security_contact;
    const links = [
      [safeWebUrl(contact?.url), "panel.contact_web"],
      [safeMailto(contact?.email), "panel.contact_email"],
      [safeWebUrl(contact?.security_txt), "panel.contact_security_txt"],
    ].filter(([href]) => href) as [string, string][];
    if (!links.length) {
      return html`<span class="secondary">${localize(hass, "panel.no_contact")}</span>`;
    }
    return html`<ul class="link-list">
      ${links.map(
        ([href, key]) =>
          html`<li>
            <a href=${href} target="_blank" rel="noopener noreferrer">${localize(hass, key)}</a>
          </li>`,
      )}
    </ul>`;
  }

  private _renderSources(device: DeviceReport) {
    const sources = (device.support?.sources ?? [])
      .map((source) => safeWebUrl(source))
      .filter((source): source is string => Boolean(source));
    if (!sources.length) {
      return html`<span class="secondary">${localize(this.hass, "panel.no_sources")}</span>`;
    }
    return html`<ul class="link-list">
      ${sources.map(
        (source) =>
          html`<li><a href=${source} target="_blank" rel="noopener noreferrer">${hostOf(source)}</a></li>`,
      )}
    </ul>`;
  }

  private _sortBy(key: SortKey): void {
    this._sort =
      this._sort.key === key
        ? { key, descending: !this._sort.descending }
        : // Findings and support read worst first; names A to Z.
          { key, descending: key === "findings" };
  }

  private _filterChanged(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    this._filters = { ...this._filters, [target.name]: target.value };
  }

  private _downloadJson = (): void => {
    if (!this._report) return;
    downloadFile(
      `device-security-report-${this._report.generated}.json`,
      "application/json",
      JSON.stringify(this._report, null, 2),
    );
  };

  private _downloadCsv = (): void => {
    if (!this._report) return;
    // The byte order mark makes spreadsheets read the file as UTF-8.
    downloadFile(
      `device-security-report-${this._report.generated}.csv`,
      "text/csv;charset=utf-8",
      `\ufeff${toCsv(this.hass, this._report, this.shownDevices)}`,
    );
  };

  static styles = css`
    :host {
      display: block;
      min-height: 100%;
      background: var(--primary-background-color);
      color: var(--primary-text-color);
      font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, sans-serif));
    }
    .toolbar {
      display: flex;
      align-items: center;
      gap: 8px;
      height: var(--header-height, 56px);
      padding: 0 12px;
      box-sizing: border-box;
      background: var(--app-header-background-color, var(--primary-color));
      color: var(--app-header-text-color, var(--text-primary-color, #fff));
      border-bottom: var(--app-header-border-bottom, none);
    }
    .main-title {
      margin: 0 0 0 12px;
      font-size: var(--ha-font-size-xl, 1.25rem);
      font-weight: var(--ha-font-weight-normal, 400);
    }
    .content {
      padding: 16px;
      max-width: 1600px;
    }
    :host([narrow]) .content {
      padding: 8px;
    }
    :host([narrow]) .filter {
      flex: 1 1 40%;
    }
    .summary p {
      margin: 0 0 4px;
    }
    .score {
      font-size: 1.5rem;
      font-weight: var(--ha-font-weight-medium, 500);
    }
    .secondary {
      color: var(--secondary-text-color);
    }
    .small {
      font-size: 0.85rem;
    }
    .error {
      color: var(--error-color, #db4437);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 12px 0;
    }
    button {
      font: inherit;
      cursor: pointer;
    }
    .actions button {
      padding: 6px 14px;
      border-radius: 18px;
      border: 1px solid var(--primary-color);
      background: transparent;
      color: var(--primary-color);
    }
    .actions button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    button:focus-visible,
    a:focus-visible,
    select:focus-visible,
    input:focus-visible {
      outline: 2px solid var(--primary-color);
      outline-offset: 2px;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin: 0 0 8px;
      padding: 0;
      border: none;
    }
    .filter {
      display: flex;
      flex-direction: column;
      gap: 2px;
      font-size: 0.85rem;
      color: var(--secondary-text-color);
    }
    select,
    input {
      font: inherit;
      font-size: 1rem;
      padding: 6px 8px;
      color: var(--primary-text-color);
      background: var(--card-background-color, var(--primary-background-color));
      border: 1px solid var(--divider-color, #8888);
      border-radius: 4px;
    }
    .table-wrapper {
      overflow-x: auto;
      background: var(--card-background-color);
      border-radius: var(--ha-card-border-radius, 12px);
      border: 1px solid var(--divider-color, #8884);
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.95rem;
    }
    th,
    td {
      padding: 8px 10px;
      text-align: start;
      vertical-align: top;
      border-bottom: 1px solid var(--divider-color, #8884);
    }
    thead th {
      position: sticky;
      top: 0;
      background: var(--card-background-color);
      white-space: nowrap;
      font-weight: var(--ha-font-weight-medium, 500);
    }
    tbody th {
      font-weight: var(--ha-font-weight-medium, 500);
      min-width: 10em;
    }
    td.product,
    td.support {
      min-width: 9em;
    }
    td.findings {
      min-width: 18em;
    }
    td.contact,
    td.sources {
      min-width: 8em;
      overflow-wrap: anywhere;
    }
    .guideline {
      white-space: nowrap;
    }
    .details {
      margin-top: 2px;
      color: var(--secondary-text-color);
    }
    button.sort {
      background: none;
      border: none;
      padding: 0;
      color: inherit;
      font-weight: inherit;
    }
    .arrow {
      display: inline-block;
      width: 1em;
      font-size: 0.75em;
      margin-inline-start: 2px;
    }
    a {
      color: var(--primary-color);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .finding-list li {
      margin-bottom: 4px;
    }
    .finding-list li.muted {
      opacity: 0.7;
    }
    .badge {
      display: inline-block;
      padding: 0 6px;
      margin-inline-end: 4px;
      border-radius: 8px;
      font-size: 0.75rem;
      line-height: 1.5;
      color: var(--text-primary-color, #fff);
      background: var(--disabled-text-color, #9e9e9e);
    }
    .badge.severity-critical,
    .badge.severity-high {
      background: var(--error-color, #db4437);
    }
    .badge.severity-medium {
      background: var(--warning-color, #ffa600);
      color: var(--primary-text-color);
    }
    .badge.severity-low {
      background: var(--info-color, #039be5);
    }
    .support.state-ended .state {
      color: var(--error-color, #db4437);
    }
    .help-identify {
      display: inline-block;
      margin-top: 4px;
      font-size: 0.85rem;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `;
}

define(PANEL_TAG, DeviceSecurityPanel);
