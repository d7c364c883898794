"""From facts to a letter body: check what the law requires is there, render the template, check again."""

from __future__ import annotations

from pathlib import Path

from dsr_desk.documents.letters.body import LetterBody, split_body
from dsr_desk.documents.letters.context import LetterFacts, template_context
from dsr_desk.documents.letters.template_language import TemplateError, render
from dsr_desk.documents.letters.templates import load_template, template_path
from dsr_desk.errors import LetterIncompleteError, LetterTemplateError, LetterTemplateIncompleteError
from dsr_desk.i18n import t
from dsr_desk.rules.letter_checks import LetterCase, missing_for
from dsr_desk.rules.letters import missing_parts


def compose(facts: LetterFacts, custom_dir: Path | None = None) -> LetterBody:
    record = facts.record
    problems = missing_for(
        LetterCase(
            facts.kind,
            facts.lang,
            facts.profile,
            facts.register,
            facts.inputs,
            requester_name=record.requester.name,
            requester_reachable=bool(record.requester.address or record.requester.email),
            extended=facts.clock.extended is not None,
            forwarded=facts.clock.facts.forwarded_types,
        )
    )
    if problems:
        raise LetterIncompleteError(facts.kind.value, problems)
    nodes = load_template(facts.kind, facts.lang, custom_dir)
    try:
        text, parts = render(nodes, template_context(facts))
    except TemplateError as exc:
        path = template_path(facts.kind, facts.lang, custom_dir)
        raise LetterTemplateError(
            kind=facts.kind.value, lang=facts.lang, path=str(path), line=exc.line, problem=exc.problem
        ) from None
    absent = missing_parts(facts.kind, facts.inputs, parts, redacted=facts.redacted)
    if absent:
        names = ", ".join(t(f"letter.part.{part}", facts.lang) for part in absent)
        raise LetterTemplateIncompleteError(kind=facts.kind.value, lang=facts.lang, parts=names)
    return split_body(text)
