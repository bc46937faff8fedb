// The drug page: a drug's label, section by section, with a table of contents.

import { ApiError, apiJson, errorText } from "./api.js";
import { attachAutocomplete } from "./interactions.js";
import { el, labelLink, titleCase } from "./render.js";

export class DrugLookup {
  constructor({ onAuthNeeded }) {
    this.onAuthNeeded = onAuthNeeded;
    this.form = document.getElementById("drug-form");
    this.input = document.getElementById("drug-input");
    this.result = document.getElementById("drug-result");
    this.formError = document.getElementById("drug-form-error");
    attachAutocomplete(this.input, document.getElementById("drug-options"), onAuthNeeded);
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.show(this.input.value);
    });
  }

  showError(message) {
    this.formError.textContent = message;
    this.formError.hidden = !message;
  }

  async show(raw) {
    const name = raw.trim();
    if (!name) return this.showError("Type a drug name.");
    this.showError("");
    this.input.value = name;
    this.result.setAttribute("aria-busy", "true");
    this.result.replaceChildren(el("p", { cls: "hint", text: "Loading the label…" }));
    try {
      const drug = await apiJson(`/api/drugs/${encodeURIComponent(name)}`);
      this.result.replaceChildren(...this.renderDrug(drug));
      this.result.querySelector("h3")?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.onAuthNeeded(error.message);
      this.result.replaceChildren(this.renderError(error, name));
    } finally {
      this.result.setAttribute("aria-busy", "false");
    }
  }

  renderError(error, name) {
    const box = el("div", { cls: "inline-error", attrs: { role: "alert" } }, [el("p", { text: errorText(error) })]);
    const details = error instanceof ApiError ? error.details : null;
    const options = (details && (details.suggestions || details.candidates)) || [];
    if (options.length) {
      const row = el("p", { cls: "suggestions" }, [el("span", { text: error.status === 409 ? "Which one: " : "Did you mean: " })]);
      for (const option of options.slice(0, 8)) {
        const label = typeof option === "string" ? option : option.name;
        const button = el("button", { cls: "link-button", text: label, attrs: { type: "button" } });
        button.addEventListener("click", () => this.show(label));
        row.append(button, " ");
      }
      box.append(row);
    } else if (!(error instanceof ApiError) || error.status >= 500 || error.status === 0) {
      const retry = el("button", { cls: "secondary", text: "Retry", attrs: { type: "button" } });
      retry.addEventListener("click", () => this.show(name));
      box.append(retry);
    }
    return box;
  }

  renderDrug(drug) {
    const parts = [];
    parts.push(el("h3", { cls: "drug-name", text: drug.name, attrs: { tabindex: "-1" } }));
    const facts = el("dl", { cls: "facts" });
    const fact = (term, value) => value && facts.append(el("dt", { text: term }), el("dd", {}, [value]));
    if (drug.matched && drug.matched.toLowerCase() !== drug.name.toLowerCase()) fact("Matched", document.createTextNode(drug.matched));
    if (drug.brands.length) fact("Brands", document.createTextNode(drug.brands.join(", ")));
    if (drug.ingredients.length > 1) fact("Ingredients", document.createTextNode(drug.ingredients.join(", ")));
    if (drug.url) fact("FDA label", labelLink(drug.url, drug.effective_time ? `DailyMed, label of ${drug.effective_time}` : "DailyMed"));
    parts.push(facts);

    if (!drug.has_label) {
      parts.push(el("p", { text: "No FDA label for this drug is included with PharmaBot; it is known by name only." }));
      if (drug.related.length) {
        const row = el("p", { cls: "suggestions" }, [el("span", { text: "Labelled products that contain it: " })]);
        for (const name of drug.related.slice(0, 10)) {
          const button = el("button", { cls: "link-button", text: name, attrs: { type: "button" } });
          button.addEventListener("click", () => this.show(name));
          row.append(button, " ");
        }
        parts.push(row);
      }
      return parts;
    }

    const toc = el("nav", { cls: "toc", attrs: { "aria-label": "Label sections" } }, [el("h4", { text: "Contents" })]);
    const list = el("ol");
    const sections = el("div", { cls: "label-sections" });
    drug.sections.forEach((section, n) => {
      const id = `label-section-${n}`;
      const link = el("a", { text: titleCase(section.title), attrs: { href: `#${id}` } });
      link.addEventListener("click", (event) => {
        // Keep the tab state out of the URL fragment; move focus to the section instead.
        event.preventDefault();
        const heading = document.getElementById(id);
        heading.scrollIntoView({ block: "start" });
        heading.focus({ preventScroll: true });
      });
      list.append(el("li", {}, [link]));
      const heading = el("h4", { text: titleCase(section.title), attrs: { id, tabindex: "-1" } });
      const body = el("div", { cls: "label-text" }, section.text.split(/\n{2,}/).map((p) => el("p", { text: p })));
      const back = el("a", { cls: "back-to-toc small-link", text: "Back to contents", attrs: { href: "#drug-toc" } });
      back.addEventListener("click", (event) => {
        event.preventDefault();
        toc.scrollIntoView({ block: "start" });
        list.querySelector("a")?.focus({ preventScroll: true });
      });
      sections.append(el("section", { cls: "label-section", attrs: { "aria-labelledby": id } }, [heading, body, back]));
    });
    toc.id = "drug-toc";
    toc.append(list);
    parts.push(el("div", { cls: "drug-layout" }, [toc, sections]));
    return parts;
  }
}
