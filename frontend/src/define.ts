/** Define a custom element once: the bundle may be loaded both as a card and as the panel. */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) {
    customElements.define(tag, element);
  }
}
