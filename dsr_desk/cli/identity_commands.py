"""`dsr-desk mrz`, `dsr-desk id mask` and `dsr-desk case verify`: the identity check from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from dsr_desk.cli.common import open_desk, print_json
from dsr_desk.documents.id_copy import load_scan, masked_copy, watermark_text
from dsr_desk.errors import ValidationError
from dsr_desk.i18n import t
from dsr_desk.rules.bsn import masked
from dsr_desk.rules.id_templates import TEMPLATES, boxes_for
from dsr_desk.rules.identity import DocumentType, IdentityOutcome, Method, RequesterRole
from dsr_desk.rules.mrz import Mrz, NotAnMrzError, parse_mrz
from dsr_desk.store.atomic import atomic_write


def mrz(args: argparse.Namespace) -> int:
    try:
        parsed = parse_mrz(args.lines)
    except NotAnMrzError:
        print(f"dsr-desk: {t('identity.mrz.not_an_mrz')}", file=sys.stderr)
        return 2
    if args.json:
        print_json(mrz_json(parsed))
    else:
        for line in mrz_text(parsed):
            print(line)
    return 0 if parsed.checks_ok else 1


def mrz_json(parsed: Mrz) -> dict[str, object]:
    """The fields, every check and whether a BSN is present; the BSN itself is only ever masked."""
    return {
        "format": parsed.format,
        "document_code": parsed.document_code,
        "issuing_state": parsed.issuing_state,
        "surname": parsed.surname,
        "given_names": parsed.given_names,
        "document_number": parsed.document_number,
        "nationality": parsed.nationality,
        "birth_date": parsed.birth_date.isoformat() if parsed.birth_date else None,
        "sex": parsed.sex,
        "expiry_date": parsed.expiry_date.isoformat() if parsed.expiry_date else None,
        "expired": parsed.expired(dt.date.today()),
        "checks": {check.name: check.ok for check in parsed.checks},
        "checks_ok": parsed.checks_ok,
        "bsn_present": parsed.bsn is not None,
        "bsn": masked(parsed.bsn) if parsed.bsn else None,
    }


def mrz_text(parsed: Mrz) -> list[str]:
    data = mrz_json(parsed)
    lines = [
        f"{t('identity.mrz.' + key)}: {value}"
        for key, value in data.items()
        if key not in ("checks", "bsn", "bsn_present") and value not in (None, "")
    ]
    lines += [
        f"{t('identity.mrz.check')} {name}: {t('identity.mrz.ok' if ok else 'identity.mrz.fail')}"
        for name, ok in data["checks"].items()
    ]
    lines.append(f"BSN: {data['bsn'] if data['bsn_present'] else t('identity.mrz.no_bsn')}")
    return lines


def id_mask(args: argparse.Namespace) -> int:
    if args.template not in TEMPLATES:
        raise ValidationError(
            [("template", "identity.problem.template", {"known": ", ".join(sorted(TEMPLATES))})]
        )
    image = load_scan(Path(args.image).read_bytes())
    with open_desk(args) as desk:
        text = watermark_text(desk.settings.organisation_name, args.purpose, desk.today())
        masked = masked_copy(image, boxes_for(args.template, *image.size), text)
        atomic_write(Path(args.output), masked, mode=0o600, output=desk.outputs)
    print(t("cli.letter_written", path=args.output))
    return 0


def verify(args: argparse.Namespace) -> int:
    method = Method(args.method)
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        if case.identity().role is None:
            case.assess_identity(
                role=RequesterRole(args.role),
                proof=args.proof,
                doubt=args.outcome != "not_needed",
                from_known_address=method is Method.KNOWN_CHANNEL,
                reasoning=args.reason,
            )
        if case.identity().method is not method and args.outcome != "not_needed":
            case.choose_identity_method(method, args.reason if method is Method.ID_COPY else "")
        document = DocumentType(args.document_type) if args.document_type else None
        case.record_identity(
            IdentityOutcome(args.outcome),
            method=None if args.outcome == "not_needed" else method,
            reasoning=args.reason,
            document_type=document,
        )
    return 0


def add_identity_commands(commands, case) -> None:
    mrz_parser = commands.add_parser(
        "mrz", help="read a TD1/TD3 MRZ: fields and check digits (exit 1: a check fails)"
    )
    mrz_parser.add_argument("lines", nargs="+", metavar="LINE")
    mrz_parser.add_argument("--json", action="store_true")
    mrz_parser.set_defaults(run=mrz)

    id_parser = commands.add_parser("id", help="ID copies").add_subparsers(dest="id_command", required=True)
    mask_parser = id_parser.add_parser("mask", help="mask and watermark an ID scan, for scripted use")
    mask_parser.add_argument("image")
    mask_parser.add_argument("--template", required=True, help=", ".join(sorted(TEMPLATES)))
    mask_parser.add_argument("--purpose", required=True)
    mask_parser.add_argument("-o", "--output", required=True, metavar="OUT.png")
    mask_parser.set_defaults(run=id_mask)

    verify_parser = case.add_parser("verify", help="record the outcome of the identity check")
    verify_parser.add_argument("reference")
    verify_parser.add_argument("--method", required=True, choices=[m.value for m in Method])
    verify_parser.add_argument("--outcome", required=True, choices=[o.value for o in IdentityOutcome])
    verify_parser.add_argument("--reason", required=True, help="the reasoning, kept to show proportionality")
    verify_parser.add_argument("--role", default="self", choices=[r.value for r in RequesterRole])
    verify_parser.add_argument("--proof", default="", help="proof of authority or parental authority")
    verify_parser.add_argument("--document-type", choices=[d.value for d in DocumentType])
    verify_parser.set_defaults(run=verify)
