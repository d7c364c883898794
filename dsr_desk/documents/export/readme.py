"""What the export says about itself, in the README and in overview.pdf: only the parts that are there (no
folder that is absent), an empty export said as such, and for portability the direct route (Art. 20(2))."""

from __future__ import annotations

from dsr_desk.i18n import t


def package_lines(lang: str, entries: list[dict[str, object]]) -> list[str]:
    """One line per part of the package that is present."""
    lines = [t("export.part_data_json", lang)]
    if entries:
        lines.append(t("export.part_tables", lang, folder=t("export.csv_folder", lang)))
    if any(entry.get("file") for entry in entries):
        lines.append(t("export.part_files", lang))
    return lines


def about_lines(kind: str, lang: str, entries: list[dict[str, object]], organisation: str) -> list[str]:
    """What the package holds, in a sentence or two: the person's data, what they provided, or nothing."""
    portability = kind == "portability"
    if not entries:
        key = "export.empty_portability" if portability else "export.empty_access"
        return [t(key, lang, organisation=organisation)]
    if portability:
        return [t("export.portability_note", lang), t("export.direct_transmission", lang)]
    return [t("export.access_note", lang, organisation=organisation)]


def readme_text(
    kind: str, lang: str, entries: list[dict[str, object]], organisation: str, reference: str
) -> str:
    paragraphs = [
        t("export.readme_title", lang, organisation=organisation, reference=reference),
        *about_lines(kind, lang, entries, organisation),
        t("export.readme_start", lang),
        "\n".join(f"- {line}" for line in package_lines(lang, entries)),
        t("export.readme_keep", lang),
    ]
    return "\n\n".join(paragraphs) + "\n"
