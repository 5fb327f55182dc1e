/**
 * `custom:device-security-card`: the home's security score, the counts that matter, and the
 * devices to act on first, each a link to its device page or to Repairs.
 */
import { LitElement, type PropertyValues, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";

import { define } from "./define";
import type { HomeAssistant, LovelaceCardConfig } from "./ha-types";
import { localize } from "./localize";
import {
  COUNT_KEYS,
  PANEL_PATH,
  PANEL_URL_PATH,
  REPAIRS_PATH,
  type DeviceReport,
  type Report,
  countsOf,
  deviceName,
  devicePath,
  devicesToActOn,
  errorMessage,
  fetchReport,
  OneAtATime,
  handleLinkClick,
  hasRepairsIssue,
  sensorNumber,
  sensorSignature,
  summarySensors,
  supportDateWords,
  verdict,
  worstFinding,
} from "./report";

export const CARD_TAG = "device-security-card";
export const EDITOR_TAG = "device-security-card-editor";
export const DEFAULT_MAX_DEVICES = 5;
export const MAX_MAX_DEVICES = 50;

export interface DeviceSecurityCardConfig extends LovelaceCardConfig {
  title?: string;
  max_devices?: number;
  show_counts?: boolean;
}

/** How the score reads at a glance; the colours come from the theme. */
export function scoreLevel(score: number): "good" | "fair" | "poor" {
  if (score >= 80) return "good";
  if (score >= 50) return "fair";
  return "poor";
}

export class DeviceSecurityCard extends LitElement {
  @property({ attribute: false }) hass?: HomeAssistant;

  @state() private _config?: DeviceSecurityCardConfig;

  @state() private _report?: Report;

  @state() private _error?: string;

  private _signature?: string;

  /** Fetches the report; a change during a fetch asks for one more fetch after it. */
  private readonly _fetch = new OneAtATime(async () => {
    if (!this.hass) return;
    try {
      this._report = await fetchReport(this.hass);
      this._error = undefined;
    } catch (error) {
      this._error = errorMessage(error);
    }
  });

  static getConfigElement(): HTMLElement {
    return document.createElement(EDITOR_TAG);
  }

  static getStubConfig(): Partial<DeviceSecurityCardConfig> {
    return { max_devices: DEFAULT_MAX_DEVICES, show_counts: true };
  }

  setConfig(config: DeviceSecurityCardConfig): void {
    if (!config || typeof config !== "object") {
      throw new Error("Invalid configuration");
    }
    const max = config.max_devices ?? DEFAULT_MAX_DEVICES;
    if (!Number.isInteger(max) || max < 1 || max > MAX_MAX_DEVICES) {
      throw new Error(localize(this.hass, "card.invalid_max_devices"));
    }
    this._config = { ...config };
  }

  getCardSize(): number {
    const rows = Math.min(this._maxDevices, this._report ? devicesToActOn(this._report).length : 1);
    return 3 + (this._config?.show_counts === false ? 0 : 1) + rows;
  }

  getGridOptions(): Record<string, unknown> {
    return { columns: 12, min_columns: 6, rows: "auto" };
  }

  private get _maxDevices(): number {
    return this._config?.max_devices ?? DEFAULT_MAX_DEVICES;
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("hass") && this.hass) {
      const signature = sensorSignature(this.hass, summarySensors(this.hass));
      if (signature !== this._signature || (!this._report && !this._fetch.busy && !this._error)) {
        this._signature = signature;
        void this._fetch.run();
      }
    }
  }


  /** The score: the live sensor when there is one, else the report's. */
  private _score(sensors: Record<string, string>): number | undefined {
    return sensorNumber(this.hass!, sensors.score) ?? this._report?.score;
  }

  private _counts(sensors: Record<string, string>): Record<string, number | undefined> {
    const fromReport = this._report ? countsOf(this._report) : {};
    const counts: Record<string, number | undefined> = {};
    for (const key of COUNT_KEYS) {
      counts[key] = sensorNumber(this.hass!, sensors[key]) ?? fromReport[key];
    }
    return counts;
  }

  protected render() {
    if (!this._config || !this.hass) {
      return nothing;
    }
    const hass = this.hass;
    const sensors = summarySensors(hass);
    const score = this._score(sensors);
    const monitored = sensorNumber(hass, sensors.devices_monitored) ?? this._report?.devices_monitored;
    const title = this._config.title || localize(hass, "card.title");
    return html`
      <ha-card>
        <div class="card-content">
          <h2 class="title" id="title">${title}</h2>
          ${this._renderScore(score, monitored)}
          ${this._config.show_counts === false ? nothing : this._renderCounts(sensors)}
          ${this._renderDevices()}
        </div>
      </ha-card>
    `;
  }

  private _renderScore(score: number | undefined, monitored: number | undefined) {
    const hass = this.hass!;
    if (score === undefined) {
      return nothing;
    }
    const valueText = localize(hass, "card.score_value", { score });
    return html`
      <div class="score-row">
        <div
          class="score ${scoreLevel(score)}"
          role="meter"
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${score}
          aria-valuetext=${valueText}
          aria-label=${localize(hass, "card.score")}
        >
          <span class="score-value">${score}</span><span class="score-unit" aria-hidden="true"
            >/100</span
          >
        </div>
        <div class="score-text">
          <div class="score-label">${localize(hass, "card.score")}</div>
          ${monitored === undefined
            ? nothing
            : html`<div class="secondary">
                ${localize(hass, "card.devices_checked", { count: monitored })}
              </div>`}
        </div>
      </div>
    `;
  }

  private _renderCounts(sensors: Record<string, string>) {
    const hass = this.hass!;
    const counts = this._counts(sensors);
    if (COUNT_KEYS.every((key) => counts[key] === undefined)) {
      return nothing;
    }
    return html`
      <ul class="counts" aria-label=${localize(hass, "card.counts_label")}>
        ${COUNT_KEYS.map((key) => {
          const count = counts[key];
          return html`<li class="count ${count ? "attention" : "clear"}" data-count=${key}>
            <span class="count-value">${count ?? "–"}</span>
            <span class="count-label">${localize(hass, `counts.${key}`)}</span>
          </li>`;
        })}
      </ul>
    `;
  }

  private _renderDevices() {
    const hass = this.hass!;
    if (!this._report) {
      return html`<p class="status" role="status">
        ${this._error
          ? localize(hass, "card.error", { message: this._error })
          : localize(hass, "card.loading")}
      </p>`;
    }
    const devices = devicesToActOn(this._report);
    if (!devices.length) {
      return html`<p class="status all-clear">${localize(hass, "card.all_clear")}</p>`;
    }
    const shown = devices.slice(0, this._maxDevices);
    const more = devices.length - shown.length;
    const hasPanel = Boolean(hass.panels?.[PANEL_URL_PATH]);
    return html`
      <h3 class="subtitle" id="act-first">${localize(hass, "card.needs_action")}</h3>
      <ul class="devices" aria-labelledby="act-first">
        ${shown.map((device) => this._renderDevice(device, hasPanel))}
      </ul>
      ${more > 0 || hasPanel
        ? html`<div class="footer">
            ${hasPanel
              ? html`<a class="report-link" href=${PANEL_PATH} @click=${handleLinkClick}
                  >${more > 0
                    ? localize(hass, "card.more", { count: more })
                    : localize(hass, "card.open_report")}</a
                >`
              : html`<span class="secondary">${localize(hass, "card.more", { count: more })}</span>`}
          </div>`
        : nothing}
    `;
  }

  private _renderDevice(device: DeviceReport, hasPanel: boolean) {
    const hass = this.hass!;
    const name = deviceName(hass, device);
    const words = verdict(hass, device);
    const date = supportDateWords(hass, device);
    const dateSuffix = date ? localize(hass, "card.date_suffix", { date }) : "";
    const severity = worstFinding(device)?.severity ?? "";
    const page = devicePath(device);
    const repairs = hasRepairsIssue(device);
    // The row opens the device page; a host with no page opens Repairs or the report.
    let href: string | null = page;
    let labelKey = "card.open_device";
    if (!href && repairs) {
      href = REPAIRS_PATH;
      labelKey = "card.open_repairs_for";
    } else if (!href && hasPanel) {
      href = PANEL_PATH;
      labelKey = "card.open_report_for";
    }
    const body = html`
      <span class="dot" aria-hidden="true"></span>
      <span class="device-text">
        <span class="device-name">${name}</span>
        <span class="verdict">${words}</span>
      </span>
      ${date ? html`<span class="date">${date}</span>` : nothing}
    `;
    return html`
      <li class="device severity-${severity || "none"}">
        ${href
          ? html`<a
              class="device-link"
              href=${href}
              @click=${handleLinkClick}
              aria-label=${localize(hass, labelKey, { device: name, verdict: words, date: dateSuffix })}
              >${body}</a
            >`
          : html`<div class="device-link">${body}</div>`}
        ${repairs && page
          ? html`<a
              class="repairs-link"
              href=${REPAIRS_PATH}
              @click=${handleLinkClick}
              aria-label=${localize(hass, "card.repairs_label", { device: name })}
              >${localize(hass, "card.repairs")}</a
            >`
          : nothing}
      </li>
    `;
  }

  static styles = css`
    :host {
      display: block;
    }
    ha-card {
      height: 100%;
      box-sizing: border-box;
    }
    .card-content {
      padding: 16px;
    }
    .title {
      margin: 0 0 12px;
      font-size: var(--ha-card-header-font-size, 1.5rem);
      font-weight: var(--ha-font-weight-normal, 400);
      color: var(--ha-card-header-color, var(--primary-text-color));
      line-height: 1.3;
    }
    .subtitle {
      margin: 16px 0 4px;
      font-size: 1rem;
      font-weight: var(--ha-font-weight-medium, 500);
      color: var(--primary-text-color);
    }
    .secondary,
    .status {
      color: var(--secondary-text-color);
    }
    .status {
      margin: 12px 0 0;
    }
    .score-row {
      display: flex;
      align-items: center;
      gap: 16px;
    }
    .score {
      display: flex;
      align-items: baseline;
      justify-content: center;
      min-width: 72px;
      padding: 8px 12px;
      border-radius: var(--ha-card-border-radius, 12px);
      border: 2px solid currentColor;
      color: var(--score-color);
    }
    .score.good {
      --score-color: var(--success-color, #43a047);
    }
    .score.fair {
      --score-color: var(--warning-color, #ffa600);
    }
    .score.poor {
      --score-color: var(--error-color, #db4437);
    }
    .score-value {
      font-size: 2rem;
      font-weight: var(--ha-font-weight-bold, 700);
      color: var(--primary-text-color);
    }
    .score-unit {
      font-size: 0.9rem;
      color: var(--secondary-text-color);
    }
    .score-label {
      font-weight: var(--ha-font-weight-medium, 500);
      color: var(--primary-text-color);
    }
    .counts {
      list-style: none;
      margin: 16px 0 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .count {
      flex: 1 1 100px;
      display: flex;
      flex-direction: column;
      padding: 8px;
      border-radius: 8px;
      background: var(--secondary-background-color, rgba(127, 127, 127, 0.1));
    }
    .count-value {
      font-size: 1.25rem;
      font-weight: var(--ha-font-weight-bold, 700);
      color: var(--primary-text-color);
    }
    .count.attention .count-value {
      color: var(--error-color, #db4437);
    }
    .count-label {
      font-size: 0.85rem;
      color: var(--secondary-text-color);
    }
    .devices {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .device {
      display: flex;
      align-items: center;
      gap: 8px;
      border-bottom: 1px solid var(--divider-color, rgba(127, 127, 127, 0.2));
    }
    .device:last-child {
      border-bottom: none;
    }
    .device-link {
      flex: 1;
      display: flex;
      align-items: center;
      gap: 12px;
      min-width: 0;
      padding: 8px 4px;
      color: inherit;
      text-decoration: none;
      border-radius: 4px;
    }
    a:focus-visible {
      outline: 2px solid var(--primary-color);
      outline-offset: 2px;
    }
    a.device-link:hover .device-name {
      text-decoration: underline;
    }
    .dot {
      flex: none;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--disabled-text-color, #bdbdbd);
    }
    .severity-critical .dot,
    .severity-high .dot {
      background: var(--error-color, #db4437);
    }
    .severity-medium .dot {
      background: var(--warning-color, #ffa600);
    }
    .severity-low .dot {
      background: var(--info-color, #039be5);
    }
    .device-text {
      flex: 1;
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .device-name {
      color: var(--primary-text-color);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .verdict,
    .date {
      color: var(--secondary-text-color);
      font-size: 0.9rem;
    }
    .date {
      flex: none;
      max-width: 8.5em;
      text-align: end;
    }
    .repairs-link,
    .report-link {
      color: var(--primary-color);
      font-size: 0.9rem;
      padding: 4px;
      border-radius: 4px;
    }
    .footer {
      margin-top: 8px;
      text-align: end;
    }
  `;
}

define(CARD_TAG, DeviceSecurityCard);
