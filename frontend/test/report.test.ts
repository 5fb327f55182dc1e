import { describe, expect, it } from "vitest";

import { hasWord, languageOf, localize, word } from "../src/localize";
import {
  countsOf,
  csvCell,
  devicesToActOn,
  formatDate,
  helpIdentifyUrl,
  safeMailto,
  safeWebUrl,
  severityRank,
  supportRank,
  toCsv,
  verdict,
} from "../src/report";
import en from "../src/translations/en.json";
import { sampleReport } from "./fixtures";

const hass = { locale: { language: "en" } };

describe("the words", () => {
  it("picks the user's language, and falls back to English", () => {
    expect(languageOf({ locale: { language: "fr" }, language: "de" })).toBe("fr");
    expect(languageOf({ language: "de" })).toBe("de");
    expect(localize({ locale: { language: "fr-CA" } }, "card.score")).toBe("Security score");
    expect(localize(hass, "panel.shown", { shown: 2, total: 3 })).toBe("2 of 3 devices shown");
  });

  it("maps codes to words, with fallback words for unknown codes", () => {
    expect(word(hass, "support_state", "ended")).toBe("Ended");
    expect(word(hass, "support_state", "minimum_passed")).toBe("Guaranteed period over");
    expect(word(hass, "support_state", "policy_only")).toBe("Policy only, no date");
    expect(word(hass, "support_state", "something_else")).toBe("See the sources");
    expect(word(hass, "support_state", "_other")).toBe("See the sources");
    expect(word(hass, "severity", undefined)).toBe("Not rated");
    expect(word(hass, "check", "new_kind", "A summary.")).toBe("A summary.");
    expect(hasWord(hass, "check.support_ended")).toBe(true);
  });

  it("has words for every finding kind, support state and method the integration reports", () => {
    const kinds = [
      "support_ended", "support_ending_soon", "no_support_period", "unknown_support",
      "default_password_confirmed", "default_password_risk", "no_disclosure_contact",
      "update_available", "cloud_dependent", "insecure_remote_access", "no_login_required",
      "unencrypted_web_admin", "unmanaged_device", "check_failed", "known_exploited_vulnerability",
      "support_minimum_passed",
    ];
    for (const kind of kinds) expect(Object.keys(en.check)).toContain(kind);
    const states = [
      "supported", "ending_soon", "ended", "minimum_passed", "policy", "community_firmware",
      "no_published_period", "unknown",
    ];
    for (const state of states) {
      expect(Object.keys(en.support_state)).toContain(state);
    }
    const methods = [
      "model_id", "model", "catalogue", "integration", "normalized_model", "pattern",
      "manufacturer_only", "ambiguous", "unknown_manufacturer",
    ];
    for (const method of methods) expect(Object.keys(en.identified_by)).toContain(method);
  });

  it("formats report dates in the user's language, on the right day", () => {
    expect(formatDate(hass, "2027-01-15")).toBe("Jan 15, 2027");
    expect(formatDate({ locale: { language: "de" } }, "2027-01-15")).toBe("15.01.2027");
    expect(formatDate(hass, null)).toBe("");
    expect(formatDate(hass, "soon")).toBe("soon");
  });
});

describe("the report", () => {
  it("ranks severities, unknown ones just above information", () => {
    expect(severityRank("critical")).toBeGreaterThan(severityRank("high"));
    expect(severityRank("surprising")).toBeGreaterThan(severityRank("info"));
    expect(severityRank("surprising")).toBeLessThan(severityRank("low"));
    expect(supportRank("ended")).toBeLessThan(supportRank("supported"));
    expect(supportRank("surprising")).toBe(supportRank("unknown"));
  });

  it("counts the devices concerned, as the sensors do", () => {
    expect(countsOf(sampleReport())).toEqual({
      support_ended: 1,
      support_ending_soon: 1,
      default_password_risks: 2,
      exposed_services: 2,
      known_exploited: 1,
      updates_pending: 1,
    });
  });

  it("puts the most urgent device first and leaves out devices without problems", () => {
    const devices = devicesToActOn(sampleReport());
    expect(devices.map((device) => device.device_id)).toEqual([
      "router-id",
      "camera-id",
      "lan-192.168.1.50",
      "openwrt-id",
      "tv-id",
      "plug-id",
    ]);
    expect(verdict(hass, sampleReport().devices[0])).toBe("No problems found");
  });

  it("shows the integration's help link, and only a web address", () => {
    const [hue, , , , plug] = sampleReport().devices;
    expect(helpIdentifyUrl(hue)).toBeNull();
    expect(helpIdentifyUrl(plug)).toBe(plug.help_identify);
    expect(helpIdentifyUrl({ ...plug, help_identify: "javascript:alert(1)" })).toBeNull();
  });

  it("links only to web addresses and plain e-mail addresses", () => {
    expect(safeWebUrl("https://example.com/a")).toBe("https://example.com/a");
    expect(safeWebUrl("javascript:alert(1)")).toBeNull();
    expect(safeWebUrl("data:text/html,x")).toBeNull();
    expect(safeWebUrl(42)).toBeNull();
    expect(safeMailto("security@example.com")).toBe("mailto:security@example.com");
    expect(safeMailto("a@b.c?body=x")).toBeNull();
  });

  it("writes CSV cells that spreadsheets read as text", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(95)).toBe("95");
  });

  it("exports every device's words, never serial numbers or MAC addresses", () => {
    const report = sampleReport();
    const csv = toCsv(hass, report, report.devices);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(8);
    expect(lines[1]).toBe(
      "Hue Bridge,Signify Netherlands B.V.,BSB002,BSB002,1.66,hue,Hue Bridge (v2),By model number," +
        "Supported,2030-12-31,,100," +
        "https://www.signify.com/global/vulnerability-disclosure security@signify.com," +
        "https://www.philips-hue.com/en-gb/support/security-advisory,2026-11-20",
    );
    for (const secret of ["HUE-SERIAL", "00:17:88", "CAM-SERIAL", "PLUG-SERIAL"]) {
      expect(csv).not.toContain(secret);
    }
  });
});
