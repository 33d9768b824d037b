/*
 * Node kinds by nodeType rather than instanceof: the clipboard's document may come from another
 * window's DOMParser (and from jsdom in tests), where the global Element is not its class.
 */

export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === 1;
}

export function isComment(node: Node | null | undefined): node is Comment {
  return node?.nodeType === 8;
}
