/** The small part of Home Assistant's frontend objects that the card and the panel use. */

export interface HassEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_changed?: string;
  last_updated?: string;
}

/** An entry of `hass.entities`: the entity registry as the frontend sees it. */
export interface HassEntityRegistryEntry {
  entity_id: string;
  device_id?: string | null;
  platform?: string;
  translation_key?: string | null;
  entity_category?: string | null;
}

export interface HomeAssistant {
  states: Record<string, HassEntity>;
  entities?: Record<string, HassEntityRegistryEntry>;
  panels?: Record<string, unknown>;
  locale?: { language?: string };
  language?: string;
  themes?: { darkMode?: boolean };
  callWS<T>(message: Record<string, unknown>): Promise<T>;
}

/** The configuration of a card, as Lovelace stores it. */
export interface LovelaceCardConfig {
  type: string;
  [key: string]: unknown;
}
