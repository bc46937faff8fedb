"""Plain-text rendering of an interaction report for the command line."""

from __future__ import annotations

import textwrap

from pharmabot.schemas.interactions import InteractionReport


def render_table(report: InteractionReport) -> str:
    """The report as readable text: drugs, a severity table, details, duplications, food notes, sources."""
    out: list[str] = []
    out.append(
        "Medicines: "
        + ", ".join(
            f"{d.input} -> {len(d.products)} {d.drug} products" if d.method == "family" else f"{d.input} -> {d.drug}"
            for d in report.resolved
        )
    )
    for u in report.unresolved:
        hint = f" (did you mean: {', '.join(u.suggestions)})" if u.suggestions else ""
        out.append(f"Not recognized ({u.status}): {u.input}{hint}")
    out.append("")
    if report.interactions:
        width = max(len(f"{i.drugs[0]} + {i.drugs[1]}") for i in report.interactions)
        out.append(f"{'PAIR':<{width}}  SEVERITY         SUMMARY")
        for i in report.interactions:
            pair = f"{i.drugs[0]} + {i.drugs[1]}"
            out.append(f"{pair:<{width}}  {i.severity:<15}  {i.summary}")
        for i in report.interactions:
            out.append("")
            out.append(f"[{i.severity.upper()}] {i.drugs[0]} + {i.drugs[1]}")
            if i.mechanism:
                out.append(f"  Mechanism: {i.mechanism}")
            if i.management:
                out.append(f"  What to do: {i.management}")
            for e in i.evidence:
                quote = textwrap.shorten(e.quote, 300)
                out.append(f'  - {e.label_drug} label, {e.section_title} ({e.effective_time or "undated"}): "{quote}"')
                out.append(f"    {e.url}")
            for r in i.rules:
                out.append(f"  - {r.list}: {r.rule} ({r.source})")
    else:
        out.append("No interactions found in these sources.")
    for d in report.duplications:
        out.append("")
        out.append(f"Duplication ({d.drug_class}): {d.note}")
    for f in report.food_notes:
        out.append("")
        out.append(f'{f.title} ({f.drug}): "{textwrap.shorten(f.quote, 240)}" {f.url}')
    for note in report.notes:
        out.append("")
        out.append(note)
    out.append("")
    out.append("Sources checked:")
    out.extend(
        f"  - {s.name}" + (f" ({s.effective_time or 'undated'}, {s.url})" if s.url else "")
        for s in report.sources_checked
    )
    out.append("")
    out.append(textwrap.fill(report.disclaimer, 100))
    return "\n".join(out)
