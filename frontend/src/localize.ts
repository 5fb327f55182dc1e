/**
 * The card's and the panel's words. Custom integrations cannot add translation namespaces
 * to Home Assistant's frontend, so the words ship in the bundle: one JSON file per language
 * in `translations/`, chosen from the user's language, with English as the fallback.
 */
import en from "./translations/en.json";

type Tree = { [key: string]: string | Tree };

/** Every language the bundle carries; add a language by adding its file here. */
export const LANGUAGES: Readonly<Record<string, Tree>> = { en };
export const FALLBACK_LANGUAGE = "en";

export interface LocaleSource {
  locale?: { language?: string };
  language?: string;
}

/** The language the user chose in Home Assistant, else the browser's. */
export function languageOf(hass?: LocaleSource): string {
  return (
    hass?.locale?.language ||
    hass?.language ||
    (typeof navigator !== "undefined" ? navigator.language : "") ||
    FALLBACK_LANGUAGE
  );
}

/** The translation trees to look in, best first: "pt-BR", then "pt", then English. */
function treesFor(language: string): Tree[] {
  const wanted = [language, language.split(/[-_]/)[0], FALLBACK_LANGUAGE];
  const trees: Tree[] = [];
  for (const tag of wanted) {
    const found =
      LANGUAGES[tag] ??
      Object.entries(LANGUAGES).find(([key]) => key.toLowerCase() === tag.toLowerCase())?.[1];
    if (found && !trees.includes(found)) {
      trees.push(found);
    }
  }
  return trees;
}

function lookUp(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") {
      return undefined;
    }
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

export type Placeholders = Record<string, string | number>;

function fill(text: string, values?: Placeholders): string {
  if (!values) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Whether a word exists for this key, in the user's language or in English. */
export function hasWord(hass: LocaleSource | undefined, key: string): boolean {
  return treesFor(languageOf(hass)).some((tree) => lookUp(tree, key) !== undefined);
}

/** The words for `key` ("panel.title"), with `{placeholders}` filled in. */
export function localize(hass: LocaleSource | undefined, key: string, values?: Placeholders): string {
  for (const tree of treesFor(languageOf(hass))) {
    const text = lookUp(tree, key);
    if (text !== undefined) {
      return fill(text, values);
    }
  }
  return key;
}

/**
 * The words for a code the report uses (`support_state`, `ended`): never the code itself.
 * An unknown code (a later version of the integration may add some) gets `fallback`, or the
 * group's `_other` words.
 */
export function word(
  hass: LocaleSource | undefined,
  group: string,
  code: string | null | undefined,
  fallback?: string,
): string {
  if (code && !code.startsWith("_") && hasWord(hass, `${group}.${code}`)) {
    return localize(hass, `${group}.${code}`);
  }
  return fallback || localize(hass, `${group}._other`);
}
