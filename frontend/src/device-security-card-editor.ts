/**
 * The card's visual editor: a title, how many devices to list, whether to show the counts.
 * It uses Home Assistant's own form when the frontend has loaded it, and plain labelled
 * inputs otherwise.
 */
import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";

import {
  DEFAULT_MAX_DEVICES,
  type DeviceSecurityCardConfig,
  EDITOR_TAG,
  MAX_MAX_DEVICES,
} from "./device-security-card";
import { define } from "./define";
import type { HomeAssistant } from "./ha-types";
import { localize } from "./localize";

export const EDITOR_SCHEMA = [
  { name: "title", selector: { text: {} } },
  {
    name: "max_devices",
    selector: { number: { min: 1, max: MAX_MAX_DEVICES, step: 1, mode: "box" } },
  },
  { name: "show_counts", selector: { boolean: {} } },
] as const;

export class DeviceSecurityCardEditor extends LitElement {
  @property({ attribute: false }) hass?: HomeAssistant;

  @state() private _config?: DeviceSecurityCardConfig;

  setConfig(config: DeviceSecurityCardConfig): void {
    this._config = { ...config };
  }

  private get _data(): Record<string, unknown> {
    return {
      max_devices: DEFAULT_MAX_DEVICES,
      show_counts: true,
      ...this._config,
    };
  }

  private _label = (field: { name: string }): string => localize(this.hass, `editor.${field.name}`);

  protected render() {
    if (!this._config) {
      return nothing;
    }
    if (customElements.get("ha-form")) {
      return html`<ha-form
        .hass=${this.hass}
        .data=${this._data}
        .schema=${EDITOR_SCHEMA}
        .computeLabel=${this._label}
        @value-changed=${this._formChanged}
      ></ha-form>`;
    }
    const data = this._data;
    return html`
      <div class="fallback">
        <label>
          <span>${this._label({ name: "title" })}</span>
          <input
            name="title"
            type="text"
            .value=${String(data.title ?? "")}
            @change=${this._inputChanged}
          />
        </label>
        <label>
          <span>${this._label({ name: "max_devices" })}</span>
          <input
            name="max_devices"
            type="number"
            min="1"
            max=${MAX_MAX_DEVICES}
            step="1"
            .value=${String(data.max_devices)}
            @change=${this._inputChanged}
          />
        </label>
        <label class="check">
          <input
            name="show_counts"
            type="checkbox"
            .checked=${data.show_counts !== false}
            @change=${this._inputChanged}
          />
          <span>${this._label({ name: "show_counts" })}</span>
        </label>
      </div>
    `;
  }

  private _formChanged(event: CustomEvent<{ value: Record<string, unknown> }>): void {
    event.stopPropagation();
    this._update(event.detail.value);
  }

  private _inputChanged(event: Event): void {
    const input = event.target as HTMLInputElement;
    let value: unknown;
    if (input.type === "checkbox") {
      value = input.checked;
    } else if (input.type === "number") {
      const number = Number(input.value);
      if (!Number.isInteger(number) || number < 1 || number > MAX_MAX_DEVICES) {
        return;
      }
      value = number;
    } else {
      value = input.value;
    }
    this._update({ ...this._config, [input.name]: value });
  }

  /** Tell the dashboard editor; an empty title is dropped rather than stored. */
  private _update(values: Record<string, unknown>): void {
    const config = { ...this._config, ...values } as DeviceSecurityCardConfig;
    if (!config.title) {
      delete config.title;
    }
    this._config = config;
    this.dispatchEvent(
      new CustomEvent("config-changed", { detail: { config }, bubbles: true, composed: true }),
    );
  }

  static styles = css`
    .fallback {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 4px;
      color: var(--primary-text-color);
    }
    label.check {
      flex-direction: row;
      align-items: center;
    }
    input[type="text"],
    input[type="number"] {
      padding: 8px;
      font: inherit;
      color: var(--primary-text-color);
      background: var(--card-background-color, transparent);
      border: 1px solid var(--divider-color, #8888);
      border-radius: 4px;
    }
  `;
}

define(EDITOR_TAG, DeviceSecurityCardEditor);
