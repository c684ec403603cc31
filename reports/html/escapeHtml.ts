// HTML escaping for every string that reaches report.html from a scenario, manifest or table.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(value: unknown): string {
  const text = value === undefined || value === null ? "" : String(value);
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

/**
 * Prepares a vega SVG document for inlining into HTML: drops the XML namespace declarations (the
 * HTML parser puts <svg> in the SVG namespace by itself), so the page has no URL in it at all.
 */
export function inlineSvg(svg: string): string {
  return svg.replace(/\s+xmlns(:\w+)?="[^"]*"/g, "");
}
