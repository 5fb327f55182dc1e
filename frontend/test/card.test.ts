import { afterEach, describe, expect, it, vi } from "vitest";

import "../src/device-security";
import { DeviceSecurityCard } from "../src/device-security-card";
import { type FakeHass, SENSORS, fakeHass, sampleReport, settle, text } from "./fixtures";

async function renderCard(
  hass: FakeHass,
  config: Record<string, unknown> = {},
): Promise<DeviceSecurityCard> {
  const card = document.createElement("device-security-card") as DeviceSecurityCard;
  card.setConfig({ type: "custom:device-security-card", ...config });
  card.hass = hass;
  document.body.appendChild(card);
  await settle(card);
  return card;
}

const root = (card: DeviceSecurityCard) => card.shadowRoot!;
const rows = (card: DeviceSecurityCard) => [...root(card).querySelectorAll("li.device")];

afterEach(() => {
  document.body.innerHTML = "";
});

describe("device-security-card", () => {
  it("asks for the report over the websocket", async () => {
    const hass = fakeHass();
    await renderCard(hass);
    expect(hass.callWS).toHaveBeenCalledWith({
      type: "call_service",
      domain: "device_security",
      service: "get_report",
      service_data: {},
      return_response: true,
    });
  });

  it("shows the home's score and the devices checked", async () => {
    const card = await renderCard(fakeHass());
    const meter = root(card).querySelector('[role="meter"]')!;
    expect(text(meter.querySelector(".score-value"))).toBe("61");
    expect(meter.getAttribute("aria-valuenow")).toBe("61");
    expect(meter.getAttribute("aria-valuetext")).toBe("61 out of 100");
    expect(meter.getAttribute("aria-label")).toBe("Security score");
    expect(meter.classList.contains("fair")).toBe(true);
    expect(text(root(card))).toContain("Devices checked: 7");
    expect(text(root(card).querySelector("h2"))).toBe("Device Security");
  });

  it("shows the counts that matter, from the summary sensors", async () => {
    const hass = fakeHass();
    hass.states[SENSORS.updates_pending[0]].state = "4";
    const card = await renderCard(hass);
    const counts = Object.fromEntries(
      [...root(card).querySelectorAll("li.count")].map((item) => [
        item.getAttribute("data-count"),
        [text(item.querySelector(".count-value")), text(item.querySelector(".count-label"))],
      ]),
    );
    expect(counts).toEqual({
      support_ended: ["1", "Support ended"],
      support_ending_soon: ["1", "Support ending soon"],
      default_password_risks: ["2", "Default passwords"],
      exposed_services: ["2", "Exposed services"],
      known_exploited: ["1", "Exploited vulnerabilities"],
      updates_pending: ["4", "Updates pending"],
    });
    expect(root(card).querySelector("ul.counts")!.getAttribute("aria-label")).toBe(
      "What needs attention",
    );
  });

  it("counts from the report when the sensors are not there", async () => {
    const card = await renderCard(fakeHass({ sensors: false }));
    expect(text(root(card).querySelector(".score-value"))).toBe("61");
    const values = [...root(card).querySelectorAll("li.count .count-value")].map((n) => text(n));
    expect(values).toEqual(["1", "1", "2", "2", "1", "1"]);
  });

  it("lists the devices to act on first, the most urgent first", async () => {
    const card = await renderCard(fakeHass(), { max_devices: 10 });
    const names = rows(card).map((row) => text(row.querySelector(".device-name")));
    expect(names).toEqual([
      "Router",
      "Hallway camera",
      "192.168.1.50",
      "Old router",
      "Living room TV",
      'Plug, "kitchen"',
    ]);
    const first = rows(card)[0];
    expect(text(first.querySelector(".verdict"))).toBe("Default password in use");
    expect(text(first.querySelector(".date"))).toBe("Support until Jun 30, 2029");
    const link = first.querySelector("a.device-link")!;
    expect(link.getAttribute("href")).toBe("/config/devices/device/router-id");
    expect(link.getAttribute("aria-label")).toBe(
      "Router: Default password in use; Support until Jun\u00a030,\u00a02029. Open the device page.",
    );
    expect(first.classList.contains("severity-critical")).toBe(true);
    const repairs = first.querySelector("a.repairs-link")!;
    expect(repairs.getAttribute("href")).toBe("/config/repairs");
    expect(repairs.getAttribute("aria-label")).toBe("Open Repairs for Router");
    // The camera: its worst finding, and its support end date.
    expect(text(rows(card)[1].querySelector(".verdict"))).toBe("Security updates ended");
    expect(text(rows(card)[1].querySelector(".date"))).toBe("Support ended Mar 1, 2024");
  });

  it("links to Repairs only where there is an issue", async () => {
    const report = sampleReport();
    const card = await renderCard(fakeHass({ report }), { max_devices: 10 });
    const repairs = (name: string) =>
      rows(card)
        .find((row) => text(row.querySelector(".device-name")) === name)!
        .querySelector("a.repairs-link");
    expect(repairs("Hallway camera")).not.toBeNull();
    expect(repairs("Living room TV")).toBeNull();
    expect(repairs("Old router")).toBeNull();

    // As the report says: the owner chose to see medium findings in Repairs, say.
    report.devices[2].findings![0].repairs_issue = true;
    report.devices[1].findings![0].repairs_issue = false;
    const told = await renderCard(fakeHass({ report }), { max_devices: 10 });
    const toldRepairs = (name: string) =>
      rows(told)
        .find((row) => text(row.querySelector(".device-name")) === name)!
        .querySelector("a.repairs-link");
    expect(toldRepairs("Living room TV")).not.toBeNull();
    expect(toldRepairs("Hallway camera")).toBeNull();
  });

  it("sends a host with no device page to Repairs", async () => {
    const card = await renderCard(fakeHass());
    const host = rows(card)[2];
    expect(host.querySelector("a.device-link")!.getAttribute("href")).toBe("/config/repairs");
    expect(host.querySelector("a.repairs-link")).toBeNull();
  });

  it("shows words, never codes, for what it does not know", async () => {
    const card = await renderCard(fakeHass(), { max_devices: 10 });
    expect(text(rows(card)[3].querySelector(".verdict"))).toBe("Something new the integration found.");
    const all = text(root(card));
    for (const code of ["brand_new_check", "default_password_confirmed", "support_ended", "unknown_support"]) {
      expect(all).not.toContain(code);
    }
  });

  it("lists at most max_devices, and links to the report for the rest", async () => {
    const card = await renderCard(fakeHass(), { max_devices: 2 });
    expect(rows(card)).toHaveLength(2);
    const more = root(card).querySelector("a.report-link")!;
    expect(text(more)).toBe("4 more in the report");
    expect(more.getAttribute("href")).toBe("/device-security");
  });

  it("says so when nothing needs action", async () => {
    const report = sampleReport();
    report.devices = [report.devices[0]];
    const card = await renderCard(fakeHass({ report, sensors: false }));
    expect(rows(card)).toHaveLength(0);
    expect(text(root(card).querySelector(".all-clear"))).toBe("No device needs action right now.");
  });

  it("says why when the report cannot be loaded", async () => {
    const card = await renderCard(fakeHass({ fail: "Device Security is not loaded" }));
    const status = root(card).querySelector('[role="status"]')!;
    expect(text(status)).toBe("The report could not be loaded: Device Security is not loaded");
    // The sensors still give the score.
    expect(text(root(card).querySelector(".score-value"))).toBe("61");
  });

  it("can be used by keyboard: every action is a focusable link with a name", async () => {
    const card = await renderCard(fakeHass());
    const links = [...root(card).querySelectorAll("a")];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.getAttribute("href")).toBeTruthy();
      expect(link.tabIndex).toBe(0);
      expect(link.getAttribute("aria-label") || text(link)).toBeTruthy();
    }
    const list = root(card).querySelector("ul.devices")!;
    expect(list.getAttribute("aria-labelledby")).toBe("act-first");
    expect(text(root(card).querySelector("#act-first"))).toBe("Act on these first");
    links[0].focus();
    expect(root(card).activeElement).toBe(links[0]);
  });

  it("navigates inside Home Assistant on a click", async () => {
    const card = await renderCard(fakeHass());
    const changed = vi.fn();
    window.addEventListener("location-changed", changed);
    const link = rows(card)[0].querySelector("a.device-link") as HTMLAnchorElement;
    link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0 }));
    expect(window.location.pathname).toBe("/config/devices/device/router-id");
    expect(changed).toHaveBeenCalledTimes(1);
    window.removeEventListener("location-changed", changed);
  });

  it("fetches the report again when the summary sensors change", async () => {
    const hass = fakeHass();
    const card = await renderCard(hass);
    expect(hass.callWS).toHaveBeenCalledTimes(1);
    card.hass = { ...hass } as FakeHass; // a new hass object, nothing changed
    await settle(card);
    expect(hass.callWS).toHaveBeenCalledTimes(1);
    const states = { ...hass.states };
    states[SENSORS.score[0]] = { ...states[SENSORS.score[0]], state: "70", last_updated: "later" };
    card.hass = { ...hass, states } as FakeHass;
    await settle(card);
    expect(hass.callWS).toHaveBeenCalledTimes(2);
    expect(text(root(card).querySelector(".score-value"))).toBe("70");
  });

  it("falls back to English for a language it has no words in", async () => {
    const card = await renderCard(fakeHass({ language: "pt-BR" }));
    expect(text(root(card).querySelector(".score-label"))).toBe("Security score");
  });

  it("takes its title from the configuration and can hide the counts", async () => {
    const card = await renderCard(fakeHass(), { title: "Security", show_counts: false });
    expect(text(root(card).querySelector("h2"))).toBe("Security");
    expect(root(card).querySelector("ul.counts")).toBeNull();
  });

  it("refuses a bad configuration and offers a stub for the card picker", () => {
    const card = document.createElement("device-security-card") as DeviceSecurityCard;
    expect(() => card.setConfig({ type: "custom:device-security-card", max_devices: 0 })).toThrow();
    expect(DeviceSecurityCard.getStubConfig()).toEqual({ max_devices: 5, show_counts: true });
    expect(DeviceSecurityCard.getConfigElement().tagName.toLowerCase()).toBe(
      "device-security-card-editor",
    );
    expect(window.customCards).toContainEqual(
      expect.objectContaining({ type: "device-security-card", name: "Device Security", preview: true }),
    );
  });

  it("reports a size for the dashboard layout", async () => {
    const card = await renderCard(fakeHass(), { max_devices: 3 });
    expect(card.getCardSize()).toBe(7);
    expect(card.getGridOptions()).toMatchObject({ columns: 12 });
  });
});
