// The report's only stylesheet, inlined in a <style> element (no external resource, no web font).
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; margin: 0 auto; max-width: 1100px; padding: 24px; color: #1a1a1a; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #ddd; padding-bottom: 4px; margin-top: 2em; }
.question { font-size: 1.1em; color: #333; }
table { border-collapse: collapse; font-size: 0.85em; margin: 8px 0 16px; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: right; vertical-align: top; }
th { background: #f4f4f4; }
td.text, th.text { text-align: left; }
.scroll { overflow-x: auto; }
figure { margin: 16px 0 28px; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 0.9em; color: #444; margin-top: 4px; }
pre { background: #f7f7f7; padding: 10px; overflow-x: auto; font-size: 0.85em; }
.failed { color: #b00020; }
footer { margin-top: 3em; font-size: 0.8em; color: #666; }
`;
