"""A decision as a letter says it: what happened in words (never a raw article code), and for an objection
whether it concerned direct marketing, which stops without balancing (Art. 21(3))."""

from __future__ import annotations

from dsr_desk.documents.letters.words import sentence
from dsr_desk.i18n import has, t
from dsr_desk.rules.organisation import RegisterEntry
from dsr_desk.rules.outcomes import Decision, Outcome


def decision_context(
    decision: Decision | None, register: tuple[RegisterEntry, ...], lang: str
) -> dict[str, object]:
    if decision is None:
        return {
            "done": False,
            "partly": False,
            "refused": False,
            "what": "",
            "ground_text": "",
            "explanation": "",
            "recipients": [],
            "has_recipients": False,
            "direct_marketing": False,
            "decision_entries": [],
            "keeps_until_reason_ends": False,
        }
    recipients = list(decision.recipients_informed or ())
    key = f"letter.ground.{decision.ground}"
    by_id = {entry.id: entry for entry in register}
    entries = [by_id[e] for e in decision.entries if e in by_id]
    return {
        "done": decision.outcome is Outcome.DONE,
        "partly": decision.outcome is Outcome.PARTLY,
        "refused": decision.outcome is Outcome.REFUSED,
        "what": sentence(decision.what),
        # A ground the letter has no words for stays out rather than printing its code (the checks
        # refuse such a letter before it gets here).
        "ground_text": t(key, lang) if decision.ground and has(key, lang) else "",
        "explanation": sentence(decision.explanation),
        "recipients": recipients,
        "has_recipients": bool(recipients),
        "direct_marketing": decision.direct_marketing,
        "decision_entries": [(e.english() if lang == "en" else e).name for e in entries],
        # An Art. 17(3) exception lasts as long as its reason: then the data go too.
        "keeps_until_reason_ends": decision.ground.startswith("17(3)"),
    }
