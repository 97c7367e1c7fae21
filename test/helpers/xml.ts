import { SaxesParser } from "saxes";

/** An XML element as parsed: its attributes (entities decoded), child elements and text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * Parses a whole XML document with saxes (a conforming, non-validating parser), throwing on any
 * well-formedness error; returns the root element and the XML declaration's encoding.
 */
export function parseXml(xml: string): { root: XmlElement; encoding: string | undefined } {
  const parser = new SaxesParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let encoding: string | undefined;
  parser.on("xmldecl", (decl) => {
    encoding = decl.encoding;
  });
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
      text: "",
    };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("text", (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on("error", (error) => {
    throw error;
  });
  parser.write(xml).close();
  if (!root) throw new Error("no root element");
  return { root, encoding };
}
