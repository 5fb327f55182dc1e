import { afterEach, describe, expect, it, vi } from "vitest";

import "../src/device-security-panel";
import type { DeviceSecurityPanel } from "../src/device-security-panel";
import { type FakeHass, fakeHass, sampleReport, settle, text } from "./fixtures";

async function renderPanel(hass: FakeHass): Promise<DeviceSecurityPanel> {
  const panel = document.createElement("device-security-panel") as DeviceSecurityPanel;
  panel.hass = hass;
  panel.narrow = false;
  document.body.appendChild(panel);
  await settle(panel);
  return panel;
}

const root = (panel: DeviceSecurityPanel) => panel.shadowRoot!;
const names = (panel: DeviceSecurityPanel) =>
  [...root(panel).querySelectorAll("tbody tr th[scope=row]")].map((cell) =>
    text(cell.querySelector("a, span")),
  );
const row = (panel: DeviceSecurityPanel, id: string) =>
  root(panel).querySelector(`tr[data-device="${id}"]`)!;
const cells = (panel: DeviceSecurityPanel, id: string) =>
  [...row(panel, id).querySelectorAll("th, td")].map((cell) => text(cell));

async function choose(panel: DeviceSecurityPanel, name: string, value: string) {
  const field = root(panel).querySelector(`[name="${name}"]`) as HTMLSelectElement | HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new Event(field.tagName === "INPUT" ? "input" : "change", { bubbles: true }));
  await settle(panel);
}

async function sortBy(panel: DeviceSecurityPanel, column: string) {
  (root(panel).querySelector(`th[data-column="${column}"] button`) as HTMLButtonElement).click();
  await settle(panel);
}

afterEach(() => {
  document.body.innerHTML = "";
  vi.restoreAllMocks();
});

describe("device-security-panel", () => {
  it("reads the report through get_report and shows every device", async () => {
    const hass = fakeHass();
    const panel = await renderPanel(hass);
    expect(hass.callWS).toHaveBeenCalledWith(
      expect.objectContaining({ type: "call_service", service: "get_report", return_response: true }),
    );
    expect(names(panel)).toHaveLength(7);
    expect(text(root(panel).querySelector("h1"))).toBe("Device Security");
    expect(text(root(panel).querySelector(".score"))).toBe("Score 61 out of 100");
    expect(text(root(panel).querySelector(".summary"))).toContain(
      "Checked on Dec 2, 2026, with support data of Nov 20, 2026.",
    );
    expect(text(root(panel).querySelector(".shown"))).toBe("7 of 7 devices shown");
  });

  it("shows the most urgent devices first", async () => {
    const panel = await renderPanel(fakeHass());
    expect(names(panel)).toEqual([
      "Router",
      "Hallway camera",
      "192.168.1.50",
      "Old router",
      "Living room TV",
      'Plug, "kitchen"',
      "Hue Bridge",
    ]);
    expect(root(panel).querySelector('th[data-column="findings"]')!.getAttribute("aria-sort")).toBe(
      "descending",
    );
  });

  it("shows each column in words", async () => {
    const panel = await renderPanel(fakeHass());
    const headers = [...root(panel).querySelectorAll("thead th")].map((cell) =>
      text(cell).replace(/[▲▼]$/, ""),
    );
    expect(headers).toEqual([
      "Device",
      "Manufacturer",
      "Product",
      "Identified",
      "Security support",
      "Findings",
      "Security contact",
      "Sources",
      "Data checked",
    ]);
    const camera = cells(panel, "camera-id");
    expect(camera[0]).toBe("Hallway camera Reolink, onvif");
    expect(camera[1]).toBe("Reolink");
    expect(camera[2]).toBe("RLC-410");
    expect(camera[3]).toBe("By model name");
    expect(camera[4]).toBe("Ended since Mar 1, 2024 from the database");
    expect(camera[5]).toBe(
      "High Security updates ended Guideline 3 Medium May still have a default password Guideline 1 Medium Web page without https Guideline 5",
    );
    expect(camera[6]).toBe("Email");
    expect(camera[7]).toBe("support.reolink.com");
    expect(camera[8]).toBe("Nov 20, 2026");
    const tv = cells(panel, "tv-id");
    expect(tv[4]).toBe("Ending soon until Jan 15, 2027 from the manufacturer's policy");
    expect(tv[5]).toContain("Acknowledged: Works through a cloud service Guideline 9");
  });

  it("never shows a raw code, and has words for values it does not know", async () => {
    const panel = await renderPanel(fakeHass());
    const openwrt = cells(panel, "openwrt-id");
    expect(openwrt[3]).toBe("Other");
    expect(openwrt[4]).toBe("Community firmware");
    expect(openwrt[5]).toBe(
      "High Something new the integration found. Guideline 4 " +
        "Medium Vulnerability known to be exploited Guideline 3 " +
        "Vulnerabilities: CVE-2024-1234, CVE-2025-56789, CVE-2025-0003, CVE-2025-0004, " +
        "CVE-2025-0005 and 2 more Fixed in firmware OpenWrt 24.10 " +
        "Known vulnerabilities: 2",
    );
    const cves = [...row(panel, "openwrt-id").querySelectorAll(".details a")];
    expect(cves.map((a) => a.getAttribute("href"))).toEqual([
      "https://www.cve.org/CVERecord?id=CVE-2024-1234",
      "https://www.cve.org/CVERecord?id=CVE-2025-56789",
      "https://www.cve.org/CVERecord?id=CVE-2025-0003",
      "https://www.cve.org/CVERecord?id=CVE-2025-0004",
      "https://www.cve.org/CVERecord?id=CVE-2025-0005",
    ]);
    expect(openwrt[8]).toBe("Nov 30, 2026");
    const table = text(root(panel).querySelector("table"));
    for (const code of [
      "support_ended",
      "unknown_manufacturer",
      "model_id",
      "community_firmware",
      "fingerprint",
      "brand_new",
      "ending_soon",
      "critical",
    ]) {
      expect(table).not.toContain(code);
    }
  });

  it("links to device pages, contacts and sources, and only to web addresses", async () => {
    const panel = await renderPanel(fakeHass());
    const camera = row(panel, "camera-id");
    const hrefs = [...camera.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(hrefs).toEqual([
      "/config/devices/device/camera-id",
      "mailto:security@reolink.com",
      "https://support.reolink.com/eol",
    ]);
    for (const anchor of root(panel).querySelectorAll('a[target="_blank"]')) {
      expect(anchor.getAttribute("rel")).toBe("noopener noreferrer");
    }
    expect(root(panel).innerHTML).not.toContain("javascript:");
    // A host seen only on the network has no device page.
    expect(row(panel, "lan-192.168.1.50").querySelector("th a")).toBeNull();
    expect(text(row(panel, "router-id").querySelector(".contact"))).toBe("None on record");
  });

  it("offers help to identify an unidentified device, without private data", async () => {
    const panel = await renderPanel(fakeHass());
    const links = [...root(panel).querySelectorAll("a.help-identify")];
    expect(links).toHaveLength(2);
    const plug = row(panel, "plug-id").querySelector("a.help-identify")!;
    expect(text(plug)).toBe("Help identify this device");
    expect(plug.getAttribute("href")).toBe(
      "https://github.com/device-security/device-security/issues/new?template=device.yml" +
        "&integration=tuya&manufacturer=Acme&model=Smart+Plug+Mini&model_id=AC-1+x%26y&sw_version=1.2.3",
    );
    const href = plug.getAttribute("href")!;
    for (const secret of ["PLUG-SERIAL", "aa:bb", "kitchen", "plug-id"]) {
      expect(href).not.toContain(secret);
    }
    expect(row(panel, "router-id").querySelector("a.help-identify")).toBeNull();
  });

  it("sorts by a column, and the other way on a second click", async () => {
    const panel = await renderPanel(fakeHass());
    await sortBy(panel, "device");
    const header = root(panel).querySelector('th[data-column="device"]')!;
    expect(header.getAttribute("aria-sort")).toBe("ascending");
    expect(root(panel).querySelector('th[data-column="findings"]')!.getAttribute("aria-sort")).toBe(
      "none",
    );
    expect(names(panel)).toEqual([
      "192.168.1.50",
      "Hallway camera",
      "Hue Bridge",
      "Living room TV",
      "Old router",
      'Plug, "kitchen"',
      "Router",
    ]);
    await sortBy(panel, "device");
    expect(header.getAttribute("aria-sort")).toBe("descending");
    expect(names(panel)[0]).toBe("Router");
    await sortBy(panel, "findings"); // back to the card's order, the most urgent first
    expect(names(panel)[0]).toBe("Router");
    await sortBy(panel, "findings");
    expect(names(panel)[0]).toBe("Hue Bridge");
    await sortBy(panel, "manufacturer");
    expect(names(panel)[0]).toBe('Plug, "kitchen"'); // Acme
    expect(names(panel).at(-1)).toBe("192.168.1.50"); // no manufacturer: last
    await sortBy(panel, "manufacturer");
    expect(names(panel)[0]).toBe("Router"); // TP-Link
    expect(names(panel).at(-1)).toBe("192.168.1.50"); // still last
  });

  it("sorts by support, the worst first", async () => {
    const panel = await renderPanel(fakeHass());
    await sortBy(panel, "support");
    expect(names(panel).slice(0, 2)).toEqual(["Hallway camera", "Living room TV"]);
    expect(names(panel).slice(-2)).toEqual(["Router", "Hue Bridge"]);
  });

  it("filters by support state, severity, integration and identification", async () => {
    const panel = await renderPanel(fakeHass());
    await choose(panel, "state", "ended");
    expect(names(panel)).toEqual(["Hallway camera"]);
    await choose(panel, "state", "");
    await choose(panel, "severity", "critical");
    expect(names(panel)).toEqual(["Router"]);
    await choose(panel, "severity", "high");
    expect(names(panel)).toEqual(["Router", "Hallway camera", "192.168.1.50", "Old router"]);
    await choose(panel, "severity", "none");
    expect(names(panel)).toEqual(["Hue Bridge"]);
    await choose(panel, "severity", "");
    await choose(panel, "integration", "tuya");
    expect(names(panel)).toEqual(['Plug, "kitchen"']);
    await choose(panel, "integration", "");
    await choose(panel, "identification", "unidentified");
    expect(names(panel)).toEqual(["192.168.1.50", 'Plug, "kitchen"']);
    expect(text(root(panel).querySelector(".shown"))).toBe("2 of 7 devices shown");
    await choose(panel, "identification", "");
    await choose(panel, "text", "samsung");
    expect(names(panel)).toEqual(["Living room TV"]);
    await choose(panel, "text", "nothing like this");
    expect(names(panel)).toEqual([]);
    expect(text(root(panel))).toContain("No device matches these filters.");
  });

  it("labels its filters in words, with the integrations' names", async () => {
    const panel = await renderPanel(fakeHass());
    const labels = [...root(panel).querySelectorAll("label.filter > span")].map((span) => text(span));
    expect(labels).toEqual(["Search", "Support", "Severity", "Integration", "Identification"]);
    const options = (name: string) =>
      [...root(panel).querySelectorAll(`select[name="${name}"] option`)].map((o) => text(o));
    expect(options("state")).toEqual([
      "All",
      "Ended",
      "Ending soon",
      "Not known",
      "Community firmware",
      "Supported",
    ]);
    expect(options("severity")).toEqual([
      "All",
      "Critical or worse",
      "High or worse",
      "Medium or worse",
      "Low or worse",
      "Any finding",
      "No findings",
    ]);
    expect(options("integration")).toContain("Philips Hue");
    expect(options("integration")).toContain("samsungtv");
    for (const control of root(panel).querySelectorAll("select, input")) {
      expect(control.closest("label")).not.toBeNull();
    }
  });

  it("downloads the report as JSON and the devices shown as CSV", async () => {
    const panel = await renderPanel(fakeHass());
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:fake";
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toMatch(/^device-security-report-2026-12-02\.(json|csv)$/);
    });
    (root(panel).querySelector("button.download-json") as HTMLButtonElement).click();
    expect(JSON.parse(await blobs[0].text()).devices).toHaveLength(7);
    await choose(panel, "identification", "unidentified");
    (root(panel).querySelector("button.download-csv") as HTMLButtonElement).click();
    expect(click).toHaveBeenCalledTimes(2);
    expect(blobs[1].type).toBe("text/csv;charset=utf-8");
    const csv = (await blobs[1].text()).replace(/^\ufeff/, "");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      "Device,Manufacturer,Model,Model number,Firmware,Integrations,Identified as,Identified," +
        "Security support,Support ends,Findings,Score,Security contact,Sources,Data checked",
    );
    expect(lines[1]).toBe(
      "192.168.1.50,,,,,,,Manufacturer not known,Not known,," +
        '"Not managed by Home Assistant (Low); Unencrypted management open (telnet or FTP) (High; Guideline 5, 6)",' +
        "55,,,2026-11-20",
    );
    expect(lines[2]).toBe(
      '"Plug, ""kitchen""",Acme,Smart Plug Mini,AC-1 x&y,1.2.3,tuya,,Manufacturer not known,Not known,,' +
        "Security-update period not known (Low; Guideline 3),95,,,2026-11-20",
    );
    expect(csv).not.toContain("PLUG-SERIAL");
  });

  it("says why when the report cannot be loaded, and loads it again on request", async () => {
    const hass = fakeHass({ fail: "Device Security is not loaded" });
    const panel = await renderPanel(hass);
    expect(text(root(panel).querySelector('[role="status"]'))).toBe(
      "The report could not be loaded: Device Security is not loaded",
    );
    hass.callWS.mockResolvedValueOnce({ response: sampleReport() });
    await panel.reload();
    await settle(panel);
    expect(names(panel)).toHaveLength(7);
  });

  it("has a keyboard-usable table: sort buttons, row headers, a caption", async () => {
    const panel = await renderPanel(fakeHass());
    const buttons = [...root(panel).querySelectorAll("th button.sort")] as HTMLButtonElement[];
    expect(buttons).toHaveLength(7);
    for (const button of buttons) {
      expect(button.tabIndex).toBe(0);
      expect(button.getAttribute("title")).toMatch(/^Sort by /);
    }
    buttons[0].focus();
    expect(root(panel).activeElement).toBe(buttons[0]);
    expect(text(root(panel).querySelector("caption"))).toBe("Every device and its security status");
    expect(root(panel).querySelector(".shown")!.getAttribute("aria-live")).toBe("polite");
  });
});

