// The interaction checker: drug names with autocomplete, a table ranked by severity, evidence on demand.

import { ApiError, apiJson, errorText } from "./api.js";
import { el, labelLink, titleCase } from "./render.js";

const SEVERITY_ORDER = ["contraindicated", "major", "moderate", "minor"];
const SEVERITY_TEXT = {
  contraindicated: { label: "Contraindicated", icon: "⛔", help: "Labels say not to use these together." },
  major: { label: "Major", icon: "▲", help: "Serious: talk to a pharmacist or prescriber." },
  moderate: { label: "Moderate", icon: "◆", help: "May need monitoring or a change." },
  minor: { label: "Minor", icon: "●", help: "Usually of limited importance." },
};
const MAX_DRUGS = 20;

/** Fill a <datalist> with name suggestions as the person types (debounced, stale answers dropped). */
export function attachAutocomplete(input, datalist, onAuthNeeded) {
  let timer = 0;
  let controller = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < 2) {
      datalist.replaceChildren();
      return;
    }
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const body = await apiJson(`/api/drugs?q=${encodeURIComponent(query)}&limit=8`, { signal: controller.signal });
        const options = [];
        const seen = new Set();
        for (const match of body.results) {
          if (seen.has(match.name)) continue;
          seen.add(match.name);
          const label = match.matched && match.matched !== match.name ? `${match.name} (${match.matched})` : match.name;
          options.push(el("option", { attrs: { value: match.name, label } }));
        }
        datalist.replaceChildren(...options);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) onAuthNeeded(error.message);
      }
    }, 150);
  });
}

export function severityBadge(severity) {
  const info = SEVERITY_TEXT[severity] || { label: severity, icon: "•", help: "" };
  return el("span", { cls: `severity severity-${severity}`, attrs: { title: info.help } }, [
    el("span", { cls: "severity-icon", text: info.icon, attrs: { "aria-hidden": "true" } }),
    el("span", { text: info.label }),
  ]);
}

export class InteractionChecker {
  constructor({ onAuthNeeded }) {
    this.onAuthNeeded = onAuthNeeded;
    this.form = document.getElementById("ix-form");
    this.input = document.getElementById("ix-input");
    this.chips = document.getElementById("ix-chips");
    this.check = document.getElementById("ix-check");
    this.professional = document.getElementById("ix-professional");
    this.result = document.getElementById("ix-result");
    this.formError = document.getElementById("ix-form-error");
    this.drugs = [];

    attachAutocomplete(this.input, document.getElementById("ix-options"), onAuthNeeded);
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        if (this.input.value.trim()) this.addFromInput();
        else if (this.drugs.length >= 2) this.run();
      }
    });
    document.getElementById("ix-add").addEventListener("click", () => this.addFromInput());
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.run();
    });
  }

  addFromInput() {
    // Commas add several at once ("warfarin, ibuprofen").
    for (const name of this.input.value.split(",")) this.add(name);
    this.input.value = "";
    this.input.focus();
  }

  add(raw) {
    const name = raw.trim();
    if (!name) return;
    if (name.length > 100) return this.showError("Each name must be at most 100 characters.");
    if (this.drugs.some((d) => d.toLowerCase() === name.toLowerCase())) return this.showError(`${name} is already in the list.`);
    if (this.drugs.length >= MAX_DRUGS) return this.showError(`At most ${MAX_DRUGS} medicines can be checked at once.`);
    this.showError("");
    this.drugs.push(name);
    this.renderChips();
  }

  replace(oldName, newName) {
    const i = this.drugs.indexOf(oldName);
    if (i !== -1) this.drugs[i] = newName;
    this.renderChips();
    this.run();
  }

  renderChips() {
    this.chips.replaceChildren(
      ...this.drugs.map((name, i) => {
        const remove = el("button", { cls: "chip-remove", text: "×", attrs: { type: "button", "aria-label": `Remove ${name}` } });
        remove.addEventListener("click", () => {
          this.drugs.splice(i, 1);
          this.renderChips();
          this.input.focus();
        });
        return el("li", { cls: "chip" }, [el("span", { text: name }), remove]);
      }),
    );
    this.check.disabled = this.drugs.length < 2;
  }

  showError(message) {
    this.formError.textContent = message;
    this.formError.hidden = !message;
  }

  async run() {
    if (this.drugs.length < 2) return this.showError("Add at least two medicines.");
    this.showError("");
    this.check.disabled = true;
    this.result.setAttribute("aria-busy", "true");
    this.result.replaceChildren(el("p", { cls: "hint", text: "Checking…" }));
    const audience = this.professional.checked ? "?audience=professional" : "";
    try {
      const report = await apiJson(`/api/interactions${audience}`, { method: "POST", body: { drugs: this.drugs } });
      this.result.replaceChildren(...this.renderReport(report));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.onAuthNeeded(error.message);
      const retry = el("button", { cls: "secondary", text: "Retry", attrs: { type: "button" } });
      retry.addEventListener("click", () => this.run());
      this.result.replaceChildren(el("div", { cls: "inline-error", attrs: { role: "alert" } }, [el("p", { text: errorText(error) }), retry]));
    } finally {
      this.check.disabled = this.drugs.length < 2;
      this.result.setAttribute("aria-busy", "false");
    }
  }

  renderReport(report) {
    const parts = [];
    parts.push(el("h3", { text: "Results" }));
    if (report.resolved.length) {
      const names = report.resolved.map((r) => (r.input.toLowerCase() === r.drug.toLowerCase() ? r.drug : `${r.input} → ${r.drug}`));
      parts.push(el("p", { cls: "checked", text: `Checked: ${names.join(", ")}` }));
    }
    for (const u of report.unresolved) parts.push(this.renderUnresolved(u));
    for (const note of report.notes || []) parts.push(el("p", { cls: "hint", text: note }));

    const interactions = [...report.interactions].sort(
      (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
    );
    parts.push(el("h4", { text: "Interactions" }));
    if (interactions.length === 0) {
      parts.push(el("p", { cls: "none-found", text: "No interactions found in these sources. That is not proof the combination is safe." }));
    } else {
      parts.push(this.renderTable(interactions));
    }
    if (report.duplications.length) {
      parts.push(el("h4", { text: "Same kind of medicine twice" }));
      parts.push(el("ul", { cls: "notes" }, report.duplications.map((d) => el("li", {}, [el("strong", { text: `${d.drug_class}: ${d.drugs.join(", ")}. ` }), el("span", { text: d.note })]))));
    }
    if (report.food_notes.length) {
      parts.push(el("h4", { text: "Food and alcohol" }));
      parts.push(
        el(
          "ul",
          { cls: "notes" },
          report.food_notes.map((f) =>
            el("li", {}, [
              el("strong", { text: `${f.title} (${f.drug}): ` }),
              el("q", { text: f.quote }),
              el("span", { text: " " }),
              labelLink(f.url, `${f.drug} label`, { cls: "small-link" }),
            ]),
          ),
        ),
      );
    }
    if (report.sources_checked.length) {
      const details = el("details", { cls: "sources-checked" }, [el("summary", { text: `Sources checked (${report.sources_checked.length})` })]);
      details.append(el("ul", {}, report.sources_checked.map((s) => el("li", {}, [s.url ? labelLink(s.url, s.name) : el("span", { text: s.name }), s.effective_time ? el("span", { cls: "muted", text: ` · ${s.effective_time}` }) : null]))));
      parts.push(details);
    }
    parts.push(el("p", { cls: "disclaimer", text: report.disclaimer }));
    return parts;
  }

  renderUnresolved(u) {
    const what = { unknown: "was not recognised", ambiguous: "matches several drugs", duplicate: "is listed twice" }[u.status] || "was not checked";
    const box = el("div", { cls: "unresolved", attrs: { role: "note" } }, [el("p", { text: `“${u.input}” ${what}.` })]);
    if (u.suggestions.length && u.status !== "duplicate") {
      const row = el("p", { cls: "suggestions" }, [el("span", { text: "Did you mean: " })]);
      for (const s of u.suggestions.slice(0, 6)) {
        const button = el("button", { cls: "link-button", text: s, attrs: { type: "button" } });
        button.addEventListener("click", () => this.replace(u.input, s));
        row.append(button, " ");
      }
      box.append(row);
    }
    return box;
  }

  renderTable(interactions) {
    const table = el("table", { cls: "ix-table" }, [
      el("caption", { cls: "visually-hidden", text: "Interactions, most severe first" }),
      el("thead", {}, [
        el("tr", {}, [
          el("th", { text: "Severity", attrs: { scope: "col" } }),
          el("th", { text: "Medicines", attrs: { scope: "col" } }),
          el("th", { text: "What it means", attrs: { scope: "col" } }),
          el("th", { text: "Evidence", attrs: { scope: "col" } }),
        ]),
      ]),
    ]);
    const body = el("tbody");
    interactions.forEach((ix, n) => {
      const evidenceId = `ix-evidence-${n}`;
      const count = ix.evidence.length + ix.rules.length;
      const toggle = el("button", {
        cls: "secondary small",
        text: `Show evidence (${count})`,
        attrs: { type: "button", "aria-expanded": "false", "aria-controls": evidenceId },
      });
      const meaning = el("td", { cls: "meaning" }, [el("p", { text: ix.summary })]);
      if (ix.mechanism) meaning.append(el("p", { cls: "muted" }, [el("strong", { text: "How: " }), el("span", { text: ix.mechanism })]));
      if (ix.management) meaning.append(el("p", {}, [el("strong", { text: "What to do: " }), el("span", { text: ix.management })]));
      const row = el("tr", { cls: `ix-row severity-row-${ix.severity}` }, [
        el("td", { attrs: { "data-label": "Severity" } }, [severityBadge(ix.severity)]),
        el("th", { cls: "pair", text: ix.drugs.join(" + "), attrs: { scope: "row" } }),
        meaning,
        el("td", { attrs: { "data-label": "Evidence" } }, [count ? toggle : el("span", { cls: "muted", text: "—" })]),
      ]);
      const evidenceRow = el("tr", { cls: "evidence-row", attrs: { id: evidenceId, hidden: "" } }, [el("td", { attrs: { colspan: "4" } }, [this.renderEvidence(ix)])]);
      toggle.addEventListener("click", () => {
        const open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        toggle.textContent = `${open ? "Hide" : "Show"} evidence (${count})`;
        evidenceRow.hidden = !open;
      });
      body.append(row, evidenceRow);
    });
    table.append(body);
    return el("div", { cls: "table-wrap" }, [table]);
  }

  renderEvidence(ix) {
    const box = el("div", { cls: "evidence" });
    for (const e of ix.evidence) {
      const cite = el("p", { cls: "evidence-source" }, [
        labelLink(e.url, `${e.label_drug} label — ${titleCase(e.section_title)}`),
        e.effective_time ? el("span", { cls: "muted", text: ` · ${e.effective_time}` }) : null,
        // A drug's own statement the interaction is inferred from, not a sentence about the pair.
        e.kind === "drug_property" ? el("span", { cls: "muted", text: ` · about ${e.label_drug} itself (${e.names})` }) : null,
      ]);
      box.append(el("figure", {}, [el("blockquote", { text: e.quote }), el("figcaption", {}, [cite])]));
    }
    if (ix.rules.length) {
      box.append(el("p", { cls: "muted", text: "Also listed in:" }));
      box.append(el("ul", {}, ix.rules.map((r) => el("li", { text: `${r.list}: ${r.rule} (${r.source})` }))));
    }
    return box;
  }
}
