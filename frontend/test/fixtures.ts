/** A sample report, in the shape of `device_security.get_report`, and a fake `hass`. */
import { vi } from "vitest";

import type { HomeAssistant } from "../src/ha-types";
import type { Report } from "../src/report";

const SUPPORT_PROVISION = "PSTI req. 3 / EN 303 645 5.3-13";

export function sampleReport(): Report {
  return {
    generated: "2026-12-02",
    database_date: "2026-11-20",
    score: 61,
    devices_monitored: 7,
    devices: [
      {
        device_id: "hue-bridge-id",
        registry_device_ids: ["hue-bridge-id"],
        name: "Hue Bridge",
        manufacturer: "Signify Netherlands B.V.",
        model: "BSB002",
        model_id: "BSB002",
        sw_version: "1.66",
        serial_number: "HUE-SERIAL",
        macs: ["00:17:88:00:00:01"],
        integrations: ["hue"],
        identified_as: { id: "philips-hue-bridge-v2", name: "Hue Bridge (v2)", category: "hub" },
        identified_by: "model_id",
        manufacturer_record: "signify",
        support: {
          state: "supported",
          end: "2030-12-31",
          basis: "database",
          sources: ["https://www.philips-hue.com/en-gb/support/security-advisory"],
        },
        security_contact: {
          url: "https://www.signify.com/global/vulnerability-disclosure",
          email: "security@signify.com",
          security_txt: null,
        },
        score: 100,
        findings: [],
        acknowledged: [],
      },
      {
        device_id: "camera-id",
        registry_device_ids: ["camera-id", "camera-id-onvif"],
        name: "Hallway camera",
        manufacturer: "Reolink",
        model: "RLC-410",
        model_id: null,
        sw_version: "v2.0.0",
        serial_number: "CAM-SERIAL",
        macs: ["ec:71:db:00:00:02"],
        integrations: ["reolink", "onvif"],
        identified_as: { id: "reolink-rlc-410", name: "RLC-410", category: "camera" },
        identified_by: "model",
        manufacturer_record: "reolink",
        support: {
          state: "ended",
          end: "2024-03-01",
          basis: "database",
          sources: ["https://support.reolink.com/eol", "javascript:alert(1)"],
        },
        security_contact: { url: "javascript:alert(2)", email: "security@reolink.com", security_txt: null },
        score: 5,
        findings: [
          {
            check: "support_ended",
            severity: "high",
            repairs_issue: true,
            guideline: "3",
            provision: SUPPORT_PROVISION,
            summary: "Security updates have ended.",
            details: { end: "2024-03-01" },
          },
          {
            check: "default_password_risk",
            severity: "medium",
            repairs_issue: false,
            guideline: "1",
            provision: "PSTI req. 1 / EN 303 645 5.1-1",
            summary: "The manufacturer has shipped devices with a universal default password.",
            details: { manufacturer: "Reolink" },
          },
          {
            check: "unencrypted_web_admin",
            severity: "medium",
            repairs_issue: false,
            guideline: "5",
            provision: "EN 303 645 5.5-1",
            summary: "The web interface is offered over http without https.",
            details: { ports: "80" },
          },
        ],
        acknowledged: [],
      },
      {
        device_id: "tv-id",
        registry_device_ids: ["tv-id"],
        name: "Living room TV",
        manufacturer: "Samsung",
        model: "QE55Q80A",
        model_id: "QE55Q80A",
        sw_version: "1500",
        integrations: ["samsungtv"],
        identified_as: { id: "samsung-qe55q80a", name: "QE55Q80A", category: "tv" },
        identified_by: "model_id",
        manufacturer_record: "samsung",
        support: { state: "ending_soon", end: "2027-01-15", basis: "policy", sources: [] },
        security_contact: { url: "https://security.samsungtv.com", email: null, security_txt: null },
        score: 70,
        findings: [
          {
            check: "support_ending_soon",
            severity: "medium",
            repairs_issue: false,
            guideline: "3",
            provision: SUPPORT_PROVISION,
            summary: "Security updates end soon.",
            details: { end: "2027-01-15" },
          },
          {
            check: "update_available",
            severity: "medium",
            repairs_issue: false,
            guideline: "3",
            provision: "EN 303 645 5.3-8",
            summary: "A firmware update is available and not installed.",
            details: { entity_id: "update.tv", installed: "1500", latest: "1600", since: "" },
          },
        ],
        acknowledged: [
          {
            check: "cloud_dependent",
            severity: "info",
            repairs_issue: false,
            guideline: "9",
            provision: "EN 303 645 5.9",
            summary: "The device is used through a cloud service.",
            details: {},
          },
        ],
      },
      {
        device_id: "router-id",
        registry_device_ids: ["router-id"],
        name: "Router",
        manufacturer: "TP-Link",
        model: "Archer AX55",
        model_id: "Archer AX55",
        sw_version: "1.1",
        integrations: ["tplink_omada"],
        identified_as: { id: "tplink-archer-ax55", name: "Archer AX55", category: "router" },
        identified_by: "model_id",
        manufacturer_record: "tp-link",
        support: { state: "supported", end: "2029-06-30", basis: "owner", sources: [] },
        security_contact: null,
        score: 40,
        findings: [
          {
            check: "default_password_confirmed",
            severity: "critical",
            repairs_issue: true,
            guideline: "1",
            provision: "PSTI req. 1 / EN 303 645 5.1-1, 5.1-2",
            summary: "The device accepts a login its manufacturer publishes as a default.",
            details: { manufacturer: "TP-Link", via: "web page" },
          },
        ],
        acknowledged: [],
      },
      {
        device_id: "plug-id",
        registry_device_ids: ["plug-id"],
        name: 'Plug, "kitchen"',
        manufacturer: "Acme",
        model: "Smart Plug Mini",
        model_id: "AC-1 x&y",
        sw_version: "1.2.3",
        serial_number: "PLUG-SERIAL-123",
        macs: ["aa:bb:cc:dd:ee:ff"],
        integrations: ["tuya"],
        identified_as: null,
        identified_by: "unknown_manufacturer",
        help_identify:
          "https://github.com/device-security/device-security/issues/new?template=device.yml" +
          "&integration=tuya&manufacturer=Acme&model=Smart+Plug+Mini&model_id=AC-1+x%26y&sw_version=1.2.3",
        manufacturer_record: null,
        support: { state: "unknown", end: null, basis: "database", sources: [] },
        security_contact: null,
        score: 95,
        findings: [
          {
            check: "unknown_support",
            severity: "low",
            repairs_issue: false,
            guideline: "3",
            provision: SUPPORT_PROVISION,
            summary: "The security-update period of this model is not known.",
            details: {},
          },
        ],
        acknowledged: [],
      },
      {
        device_id: "lan-192.168.1.50",
        registry_device_ids: [],
        name: "192.168.1.50",
        manufacturer: null,
        model: null,
        model_id: null,
        sw_version: null,
        integrations: [],
        identified_as: null,
        help_identify: "https://github.com/device-security/device-security/issues/new?template=device.yml",
        identified_by: "unknown_manufacturer",
        manufacturer_record: null,
        support: { state: "unknown", end: null, basis: "database", sources: [] },
        security_contact: null,
        score: 55,
        findings: [
          {
            check: "unmanaged_device",
            severity: "low",
            repairs_issue: false,
            guideline: "-",
            provision: "-",
            summary: "Seen on the network, but not managed by Home Assistant.",
            details: {},
          },
          {
            check: "insecure_remote_access",
            severity: "high",
            repairs_issue: true,
            guideline: "5, 6",
            provision: "EN 303 645 5.5-1, 5.6-1",
            summary: "A cleartext management service (telnet or FTP) is open on the network.",
            details: { services: "telnet" },
          },
        ],
        acknowledged: [],
      },
      {
        // Values a later version may report: a new support state, method and finding kind.
        device_id: "openwrt-id",
        registry_device_ids: ["openwrt-id"],
        name: "Old router",
        manufacturer: "Linksys",
        model: "WRT54GL",
        model_id: "WRT54GL",
        sw_version: "OpenWrt 23.05",
        integrations: ["luci"],
        identified_as: { id: "linksys-wrt54gl", name: "WRT54GL", category: "router" },
        identified_by: "fingerprint",
        identification: "brand_new_level",
        manufacturer_record: "linksys",
        support: { state: "community_firmware", end: null, basis: "community", sources: [] },
        security_contact: null,
        score: 60,
        vulnerabilities: [{ id: "CVE-2026-0001" }, { id: "CVE-2026-0002" }],
        checked: "2026-11-30",
        findings: [
          {
            check: "brand_new_check",
            severity: "high",
            repairs_issue: false,
            guideline: "4",
            provision: "EN 303 645 5.4-1",
            summary: "Something new the integration found.",
            details: {},
          },
          {
            check: "known_exploited_vulnerability",
            severity: "medium",
            repairs_issue: false,
            guideline: "3",
            provision: "EN 303 645 5.3-2, 5.3-8",
            summary: "A vulnerability attackers are known to exploit concerns this model.",
            details: {
              cves: "CVE-2024-1234 CVE-2025-56789 CVE-2025-1 CVE-2025-0003 CVE-2025-0004 CVE-2025-0005 CVE-2025-0006 CVE-2025-0007",
              fixed_version: "OpenWrt 24.10",
            },
          },
        ],
        acknowledged: [],
      },
    ],
  };
}

/** The summary sensors, as the integration registers them. */
export const SENSORS: Record<string, [string, string]> = {
  score: ["sensor.device_security_security_score", "61"],
  devices_monitored: ["sensor.device_security_devices_monitored", "7"],
  support_ended: ["sensor.device_security_support_ended", "1"],
  support_ending_soon: ["sensor.device_security_support_ending_soon", "1"],
  default_password_risks: ["sensor.device_security_default_password_risks", "2"],
  exposed_services: ["sensor.device_security_exposed_services", "2"],
  updates_pending: ["sensor.device_security_updates_pending", "1"],
};

export interface FakeHassOptions {
  report?: Report;
  sensors?: boolean;
  language?: string;
  panel?: boolean;
  fail?: string;
}

export type FakeHass = HomeAssistant & { callWS: ReturnType<typeof vi.fn> };

export function fakeHass(options: FakeHassOptions = {}): FakeHass {
  const report = options.report ?? sampleReport();
  const states: HomeAssistant["states"] = {};
  const entities: NonNullable<HomeAssistant["entities"]> = {
    // A per-device sensor of the integration, and a sensor of another integration.
    "sensor.router_security_support_ends": {
      entity_id: "sensor.router_security_support_ends",
      platform: "device_security",
      translation_key: "support_end",
    },
    "sensor.other_score": { entity_id: "sensor.other_score", platform: "other", translation_key: "score" },
  };
  states["sensor.other_score"] = { entity_id: "sensor.other_score", state: "3", attributes: {} };
  if (options.sensors !== false) {
    for (const [key, [entityId, state]] of Object.entries(SENSORS)) {
      entities[entityId] = { entity_id: entityId, platform: "device_security", translation_key: key };
      states[entityId] = {
        entity_id: entityId,
        state,
        attributes: {},
        last_updated: "2026-12-02T08:00:00+00:00",
      };
    }
  }
  const callWS = vi.fn(async (message: Record<string, unknown>) => {
    if (message.type === "manifest/list") {
      return [
        { domain: "hue", name: "Philips Hue" },
        { domain: "tuya", name: "Tuya" },
        { domain: "reolink", name: "Reolink" },
      ];
    }
    if (options.fail) {
      throw { code: "service_validation_error", message: options.fail };
    }
    return { context: { id: "x" }, response: structuredClone(report) };
  });
  return {
    states,
    entities,
    panels: options.panel === false ? {} : { "device-security": {} },
    locale: { language: options.language ?? "en" },
    language: options.language ?? "en",
    themes: { darkMode: false },
    callWS,
  } as unknown as FakeHass;
}

/** Let pending promises (the report's fetch) settle and the element render. */
export async function settle(element: HTMLElement & { updateComplete: Promise<unknown> }) {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
}

/** The text of an element, with runs of white space made single spaces. */
export function text(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? "").replace(/\s+/g, " ").trim();
}
