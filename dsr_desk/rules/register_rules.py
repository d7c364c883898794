"""What a processing-register entry must say before letters may quote it (LEGAL.md §6): a retention that is
a period or its criteria, the true basis of a transfer outside the EEA, a controller for a processor's entry.
The same checks guard saving the register and making an access response, so an old register is caught too."""

from __future__ import annotations

import re

from dsr_desk.rules.organisation import RegisterEntry, Role, TransferBasis

Problem = tuple[str, str, dict[str, object]]

# "As long as necessary" says neither a period nor the criteria that set one (Art. 15(1)(d)).
_VAGUE_RETENTION = re.compile(
    r"\b(zo ?lang(?: als)? (?:nodig|noodzakelijk|vereist)|niet langer dan (?:nodig|noodzakelijk)"
    r"|as long as (?:necessary|needed|required)|no longer than (?:necessary|needed))\b"
)
_FILLER = re.compile(r"\b(is|het|de|dat|voor|this|it|the|for|ons|our|we|wij|doel|purpose|dit|that)\b")
_PRIVACY_SHIELD = re.compile(r"privacy\s*shield", re.IGNORECASE)
_DATA_PRIVACY_FRAMEWORK = re.compile(r"data\s*privacy\s*framework|\bDPF\b", re.IGNORECASE)


def retention_is_vague(text: str) -> bool:
    """True for 'zolang nodig' and its kin with nothing that gives a period or a criterion."""
    lowered = " ".join(text.lower().split())
    if not _VAGUE_RETENTION.search(lowered):
        return False
    rest = _FILLER.sub(" ", _VAGUE_RETENTION.sub(" ", lowered))
    return len(re.findall(r"\w{2,}", rest)) < 2 and not re.search(r"\d", rest)


def entry_problems(entry: RegisterEntry) -> list[Problem]:
    """Each as (field, translation key, fields); the key names the entry."""
    out: list[Problem] = []
    named = {"entry": entry.name or entry.id}
    if entry.role not in {role.value for role in Role}:
        out.append(("role", "register.problem.role", {**named, "role": entry.role}))
    elif entry.role == Role.PROCESSOR and not entry.controller:
        out.append(("controller", "register.problem.controller", named))
    if entry.retention and retention_is_vague(entry.retention):
        out.append(("retention", "register.problem.vague_retention", {**named, "text": entry.retention}))
    transfer_texts = " ".join(
        str(text)
        for text in (entry.transfers, entry.safeguards, entry.en.get("transfers"), entry.en.get("safeguards"))
        if text
    )
    if _PRIVACY_SHIELD.search(transfer_texts):
        # No basis since CJEU C-311/18 (Schrems II, 16 July 2020).
        out.append(("safeguards", "register.problem.privacy_shield", named))
    if entry.transfers:
        if entry.transfer_basis not in {basis.value for basis in TransferBasis}:
            out.append(("transfer_basis", "register.problem.transfer_basis", named))
        elif entry.transfer_basis != TransferBasis.ADEQUACY and _DATA_PRIVACY_FRAMEWORK.search(
            entry.safeguards
        ):
            out.append(("transfer_basis", "register.problem.dpf_is_adequacy", named))
        if not entry.safeguards:
            out.append(("safeguards", "register.problem.safeguards", named))
    if entry.recipient_names and not entry.recipients:
        out.append(("recipients", "register.problem.recipient_categories", named))
    return out


def register_problems(entries: tuple[RegisterEntry, ...]) -> list[Problem]:
    ids = [entry.id for entry in entries]
    if len(set(ids)) != len(ids) or not all(ids):
        return [("register", "validation.register_ids", {})]
    return [problem for entry in entries for problem in entry_problems(entry)]
