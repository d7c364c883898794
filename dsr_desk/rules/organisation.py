"""The organisation as its letters present it: the profile (sender, contacts, signatory) and the
processing register that an access response is filled from (Art. 15(1)(a)-(h), 15(2))."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from enum import StrEnum

from dsr_desk.rules.clock import PromiseStart

TRUE_WORDS = frozenset({"1", "yes", "ja", "true", "on"})
MAX_PROMISE_DAYS = 92


@dataclass(frozen=True)
class OrganisationProfile:
    name: str = ""
    address: str = ""  # street and number, one line per row
    postcode_city: str = ""
    country: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    chamber_of_commerce: str = ""  # KvK number
    privacy_contact: str = ""  # the person or desk that handles requests
    privacy_email: str = ""
    dpo_name: str = ""  # the data protection officer (FG), where there is one
    dpo_email: str = ""
    signatory_name: str = ""
    signatory_role: str = ""
    city: str = ""  # where letters are dated ("Utrecht, 22 november 2026")
    # A public body: a refusal is a besluit, so the Awb route (bezwaar, then beroep) replaces the petition
    # of art. 35 UAVG (art. 34 UAVG).
    public_body: bool = False
    # The privacy statement's own promise, in calendar days (0: none), and from when it counts.
    promise_days: int = 0
    promise_from: PromiseStart = PromiseStart.RECEIVED

    @property
    def postal_lines(self) -> list[str]:
        return [
            line for line in [*self.address.splitlines(), self.postcode_city, self.country] if line.strip()
        ]

    def with_changes(self, **changes: object) -> OrganisationProfile:
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        return OrganisationProfile.from_json({**self.to_json(), **changes})

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        data["promise_from"] = self.promise_from.value
        return data

    @classmethod
    def from_json(cls, data: dict) -> OrganisationProfile:
        """Values as settings.toml or a command line gives them: text, or 'yes'/'30' for the typed ones.
        Raises ValueError for a promise that is not a number of days or a start that is not known."""
        values: dict[str, object] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name == "public_body":
                values[f.name] = (
                    value if isinstance(value, bool) else str(value).strip().lower() in TRUE_WORDS
                )
            elif f.name == "promise_days":
                values[f.name] = int(str(value).strip() or 0)
            elif f.name == "promise_from":
                values[f.name] = PromiseStart(str(value).strip() or PromiseStart.RECEIVED.value)
            else:
                values[f.name] = str(value)
        return cls(**values)  # type: ignore[arg-type]


class Role(StrEnum):
    """Art. 4(7)/(8): for this processing activity the organisation decides (controller), or processes
    only for another (processor), which then answers requests itself."""

    CONTROLLER = "controller"
    PROCESSOR = "processor"


class TransferBasis(StrEnum):
    """Chapter V: the basis of a transfer outside the EEA, said as it is (LEGAL.md §6)."""

    ADEQUACY = "45"  # an adequacy decision, e.g. the EU-US Data Privacy Framework (since 10 July 2023)
    SAFEGUARDS = "46"  # appropriate safeguards, e.g. standard contractual clauses
    DEROGATION = "49"  # a derogation for a specific situation, e.g. explicit consent


# The texts of an entry an English letter needs in English (names of recipients and controllers are names).
TRANSLATED_FIELDS = (
    "name",
    "purposes",
    "legal_basis",
    "categories",
    "recipients",
    "retention",
    "source",
    "automated_decisions",
    "transfers",
    "safeguards",
)


@dataclass(frozen=True)
class RegisterEntry:
    """One processing activity of the register (Art. 30), in the words an access response uses."""

    id: str
    name: str
    purposes: tuple[str, ...] = ()
    legal_basis: str = ""
    categories: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()  # categories of recipients; empty: none outside the organisation
    retention: str = ""  # the period, or the criteria that determine it
    source: str = ""  # empty: collected from the person themselves
    automated_decisions: str = ""  # empty: none; else the logic, its significance and consequences
    transfers: str = ""  # third countries or international organisations; empty: none
    safeguards: str = ""  # what the transfer rests on, in words (the decision, the clauses)
    systems: tuple[str, ...] = field(default=())  # where the data of this activity is kept
    recipient_names: tuple[str, ...] = ()  # the actual recipients (CJEU C-154/21), where known
    transfer_basis: str = ""  # a TransferBasis value; required where there are transfers
    # Art. 22: the automated decisions have legal or similarly significant effects (only then the Art. 22
    # rights are stated; profiling without such effects is described, not given Art. 22 wording).
    significant_effects: bool = False
    direct_marketing: bool = False  # an objection to it cannot be refused (Art. 21(2)-(3))
    role: str = Role.CONTROLLER.value
    controller: str = ""  # for a processor's entry: the controller requests go to
    en: dict[str, object] = field(default_factory=dict, compare=False)  # English texts, TRANSLATED_FIELDS

    def english(self) -> RegisterEntry:
        """The entry in English words: its English texts over the Dutch ones (see missing_english)."""
        changes = {name: self.en[name] for name in TRANSLATED_FIELDS if name in self.en}
        return replace(self, **changes)

    def missing_english(self) -> list[str]:
        """The texts this entry has in Dutch only: an English letter cannot use it until they are there."""
        return [name for name in TRANSLATED_FIELDS if getattr(self, name) and not self.en.get(name)]

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "en":
                value = {k: list(v) if isinstance(v, tuple) else v for k, v in value.items()}
            data[f.name] = list(value) if isinstance(value, tuple) else value
        return data

    @classmethod
    def from_json(cls, data: dict) -> RegisterEntry:
        values: dict[str, object] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name == "en":
                values["en"] = {
                    k: _as_list(v) if k in _LIST_FIELDS else str(v)
                    for k, v in dict(value).items()
                    if k in TRANSLATED_FIELDS and v
                }
            elif f.name in ("significant_effects", "direct_marketing"):
                values[f.name] = value if isinstance(value, bool) else str(value).lower() in TRUE_WORDS
            else:
                values[f.name] = _text_or_list(value)
        return cls(**values)  # type: ignore[arg-type]


_LIST_FIELDS = frozenset({"purposes", "categories", "recipients"})


def _text_or_list(value: object) -> object:
    return tuple(str(v) for v in value) if isinstance(value, list | tuple) else str(value)


def _as_list(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list | tuple) else (str(value),)
