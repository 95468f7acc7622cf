/** Attributes of an element: strings are set, `true` adds a bare attribute, false/undefined skip. */
export type Attributes = Record<string, string | number | boolean | undefined>;

export type Child = Node | string | false | null | undefined;

/**
 * Creates an element with attributes and children. Text is always inserted as
 * text nodes, never parsed as HTML, so values from the API cannot inject markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.filter((child): child is Node | string => Boolean(child)));
  return element;
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((child): child is Node | string => Boolean(child)));
}

let nextId = 0;

/** A document-unique id with a readable prefix, for label and description links. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
