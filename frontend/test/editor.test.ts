import { afterEach, describe, expect, it, vi } from "vitest";

import "../src/device-security-card-editor";
import type { DeviceSecurityCardEditor } from "../src/device-security-card-editor";
import { fakeHass, settle, text } from "./fixtures";

async function renderEditor(config: Record<string, unknown>) {
  const editor = document.createElement("device-security-card-editor") as DeviceSecurityCardEditor;
  editor.hass = fakeHass();
  editor.setConfig({ type: "custom:device-security-card", ...config });
  document.body.appendChild(editor);
  await settle(editor);
  return editor;
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("device-security-card-editor", () => {
  it("offers labelled fields, and tells the dashboard of a change", async () => {
    const editor = await renderEditor({ max_devices: 3 });
    const root = editor.shadowRoot!;
    const labels = [...root.querySelectorAll("label")].map((label) => text(label));
    expect(labels).toEqual(["Title (optional)", "Devices to list", "Show the counts"]);
    const changed = vi.fn();
    editor.addEventListener("config-changed", (event) => changed((event as CustomEvent).detail.config));

    const max = root.querySelector('input[name="max_devices"]') as HTMLInputElement;
    expect(max.value).toBe("3");
    max.value = "8";
    max.dispatchEvent(new Event("change"));
    expect(changed).toHaveBeenLastCalledWith({ type: "custom:device-security-card", max_devices: 8 });

    max.value = "0"; // out of range: ignored
    max.dispatchEvent(new Event("change"));
    expect(changed).toHaveBeenCalledTimes(1);

    const counts = root.querySelector('input[name="show_counts"]') as HTMLInputElement;
    expect(counts.checked).toBe(true);
    counts.checked = false;
    counts.dispatchEvent(new Event("change"));
    expect(changed).toHaveBeenLastCalledWith({
      type: "custom:device-security-card",
      max_devices: 8,
      show_counts: false,
    });

    const title = root.querySelector('input[name="title"]') as HTMLInputElement;
    title.value = "Home security";
    title.dispatchEvent(new Event("change"));
    expect(changed.mock.lastCall![0].title).toBe("Home security");
    title.value = "";
    title.dispatchEvent(new Event("change"));
    expect(changed.mock.lastCall![0]).not.toHaveProperty("title");
  });

  it("uses Home Assistant's form when there is one", async () => {
    class FakeForm extends HTMLElement {
      schema?: unknown;
      data?: unknown;
      computeLabel?: (field: { name: string }) => string;
    }
    customElements.define("ha-form", FakeForm);
    const editor = await renderEditor({});
    const form = editor.shadowRoot!.querySelector("ha-form") as FakeForm;
    expect(form.data).toEqual({ type: "custom:device-security-card", max_devices: 5, show_counts: true });
    expect((form.schema as { name: string }[]).map((field) => field.name)).toEqual([
      "title",
      "max_devices",
      "show_counts",
    ]);
    expect(form.computeLabel!({ name: "max_devices" })).toBe("Devices to list");
    const changed = vi.fn();
    editor.addEventListener("config-changed", (event) => changed((event as CustomEvent).detail.config));
    form.dispatchEvent(
      new CustomEvent("value-changed", { detail: { value: { max_devices: 9, show_counts: true } } }),
    );
    expect(changed).toHaveBeenCalledWith({
      type: "custom:device-security-card",
      max_devices: 9,
      show_counts: true,
    });
  });
});
