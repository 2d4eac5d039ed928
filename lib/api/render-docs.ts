import { openApiDocument } from "./openapi";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

type Operation = {
  summary?: string;
  parameters?: readonly { name: string; in: string; required?: boolean; description?: string }[];
  responses?: Record<string, { description?: string }>;
};

/** A plain, accessible HTML rendering of the OpenAPI document: one section per path and method. */
export function renderApiDocs(): string {
  const sections = Object.entries(openApiDocument.paths as Record<string, Record<string, Operation>>)
    .map(([path, methods]) =>
      Object.entries(methods)
        .map(([method, op]) => {
          const params = (op.parameters ?? [])
            .map(
              (p) =>
                `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ", wymagany / required" : ""})${p.description ? ` – ${esc(p.description)}` : ""}</li>`,
            )
            .join("");
          const responses = Object.entries(op.responses ?? {})
            .map(([code, r]) => `<li><code>${esc(code)}</code> ${esc(r.description ?? "")}</li>`)
            .join("");
          return `<section><h2><code>${method.toUpperCase()} ${esc(path)}</code></h2><p>${esc(op.summary ?? "")}</p>${
            params ? `<h3>Parameters</h3><ul>${params}</ul>` : ""
          }<h3>Responses</h3><ul>${responses}</ul></section>`;
        })
        .join(""),
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(
    openApiDocument.info.title,
  )}</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#0f172a;line-height:1.5}code{background:#f1f5f9;padding:0 .25rem;border-radius:4px}section{border-top:1px solid #cbd5e1;padding:.5rem 0}h2{font-size:1.15rem}h3{font-size:1rem;margin-bottom:0}a{color:#155741}</style></head><body><main><h1>${esc(
    openApiDocument.info.title,
  )} ${esc(openApiDocument.info.version)}</h1><p>${esc(openApiDocument.info.description)}</p><p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>${sections}</main></body></html>`;
}
