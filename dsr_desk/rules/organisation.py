"""The organisation as its letters present it: the profile (sender, contacts, signatory) and the
processing register that an access response is filled from (Art. 15(1)(a)-(h), 15(2))."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


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

    @property
    def postal_lines(self) -> list[str]:
        return [
            line for line in [*self.address.splitlines(), self.postcode_city, self.country] if line.strip()
        ]

    def with_changes(self, **changes: str) -> OrganisationProfile:
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        return OrganisationProfile(**{**self.to_json(), **changes})

    def to_json(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_json(cls, data: dict) -> OrganisationProfile:
        known = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in data.items() if k in known})


@dataclass(frozen=True)
class RegisterEntry:
    """One processing activity of the register (Art. 30), in the words an access response uses."""

    id: str
    name: str
    purposes: tuple[str, ...] = ()
    legal_basis: str = ""
    categories: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()  # empty: no recipients outside the organisation
    retention: str = ""  # the period, or the criteria that determine it
    source: str = ""  # empty: collected from the person themselves
    automated_decisions: str = ""  # empty: none; else the logic, its significance and consequences
    transfers: str = ""  # third countries or international organisations; empty: none
    safeguards: str = ""  # Art. 46 safeguards for those transfers
    systems: tuple[str, ...] = field(default=())  # where the data of this activity is kept

    def to_json(self) -> dict[str, object]:
        return {f.name: list(v) if isinstance(v := getattr(self, f.name), tuple) else v for f in fields(self)}

    @classmethod
    def from_json(cls, data: dict) -> RegisterEntry:
        values = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            values[f.name] = tuple(str(v) for v in value) if isinstance(value, list | tuple) else str(value)
        return cls(**values)
