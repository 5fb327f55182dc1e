/**
 * The bundle's entry: the card, its editor and the panel, and the card's entry in the
 * dashboard's card picker. The integration serves this file and adds it to every page.
 */
import { CARD_TAG } from "./device-security-card";
import "./device-security-card-editor";
import "./device-security-panel";
import { localize } from "./localize";

interface CustomCardEntry {
  type: string;
  name: string;
  description: string;
  preview?: boolean;
  documentationURL?: string;
}

declare global {
  interface Window {
    customCards?: CustomCardEntry[];
  }
}

const cards = (window.customCards ??= []);
if (!cards.some((card) => card.type === CARD_TAG)) {
  cards.push({
    type: CARD_TAG,
    name: localize(undefined, "card.name"),
    description: localize(undefined, "card.description"),
    preview: true,
    documentationURL: "https://github.com/device-security/device-security",
  });
}
