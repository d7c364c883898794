"""overview.pdf: the export in plain language, for a person who is not technical: what is in the file, and
the information Art. 15 gives them a right to (purposes, recipients, retention, rights)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from dsr_desk.documents.export.readme import about_lines, package_lines
from dsr_desk.documents.pdf_document import bullet_list, pdf_styles, simple_pdf
from dsr_desk.documents.pdf_safety import markup_safe
from dsr_desk.i18n import format_date, t


def render_overview(bundle, entries: list[dict[str, object]]) -> bytes:
    """`entries` are the items as data.json holds them: what the package really contains."""
    styles = pdf_styles()
    lang, record = bundle.lang, bundle.record
    story: list = [
        Paragraph(markup_safe(t("export.overview_title", lang)), styles["heading"]),
        Paragraph(
            markup_safe(
                t(
                    "export.overview_intro",
                    lang,
                    organisation=bundle.profile.name,
                    reference=record.reference,
                    received=format_date(record.received, lang),
                    date=format_date(bundle.generated_at.date(), lang),
                )
            ),
            styles["body"],
        ),
    ]
    for line in about_lines(bundle.kind, lang, entries, bundle.profile.name):
        story.append(Paragraph(markup_safe(line), styles["body"]))
    story.append(Paragraph(markup_safe(t("export.contents_heading", lang)), styles["heading"]))
    story.append(
        bullet_list(
            [
                t(
                    "export.contents_item" if count == 1 else "export.contents_items",
                    lang,
                    category=category,
                    count=count,
                )
                for category, count in bundle.category_counts().items()
            ]
            or [t("export.no_items", lang)],
            styles,
        )
    )
    story.append(bullet_list(package_lines(lang, entries), styles))
    if bundle.entries:
        story.append(Paragraph(markup_safe(t("export.art15_heading", lang)), styles["heading"]))
        for registered in bundle.entries:
            # An English overview quotes the register's English texts, where it has them.
            entry = registered.english() if lang == "en" else registered
            lines = [
                t("export.purposes", lang, value=", ".join(entry.purposes)),
                t("export.categories", lang, value=", ".join(entry.categories)),
                t("export.recipients", lang, value=", ".join(entry.recipients) or t("export.none", lang)),
                t("export.retention", lang, value=entry.retention),
                t("export.source", lang, value=entry.source or t("export.from_you", lang)),
            ]
            if entry.automated_decisions:
                lines.append(t("export.automated", lang, value=entry.automated_decisions))
            if entry.transfers:
                basis = (
                    t(f"letter.transfer_basis.{entry.transfer_basis}", lang) if entry.transfer_basis else "—"
                )
                lines.append(
                    t(
                        "export.transfers",
                        lang,
                        value=entry.transfers,
                        basis=basis,
                        safeguards=entry.safeguards,
                    )
                )
            story.append(Paragraph(f"<b>{markup_safe(entry.name)}</b>", styles["body"]))
            story.append(bullet_list(lines, styles))
    story += [Spacer(1, 3 * mm), Paragraph(markup_safe(t("export.rights", lang)), styles["body"])]
    if any(item.redactions for item in bundle.selected()):
        story.append(Paragraph(markup_safe(t("export.redaction_note", lang)), styles["body"]))
    organisation = bundle.profile.name
    return simple_pdf(
        story,
        title=t("export.overview_title", lang),
        margins=(25 * mm, 20 * mm, 22 * mm, 24 * mm),
        footer=lambda page, pages: [
            t(
                "export.footer",
                lang,
                organisation=organisation,
                reference=record.reference,
                page=page,
                pages=pages,
            )
        ],
    )
