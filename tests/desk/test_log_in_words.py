"""The audit log and the case in Dutch as people write it: no 'via E-mail', no 'True', real plurals."""

from __future__ import annotations

from dsr_desk.desk.event_text import event_detail, identity_summary
from dsr_desk.rules.identity import IdentityOutcome, Method, RequesterRole
from dsr_desk.rules.requests import Channel
from tests.support.cases import make_case


def test_the_log_speaks_plain_dutch(desk, tmp_path):
    summary = make_case(desk, channel=Channel.EMAIL)
    with desk.open_case(summary.reference) as case:
        case.add_data_text("Klant sinds 2021.", system="Webwinkel", category="Klantgegevens")
        case.export_data(tmp_path / "export.zip", password="ABCDE-FGHJK-LMNPQ-RSTUV")
        case.assess_identity(role=RequesterRole.SELF, doubt=True, from_known_address=False, reasoning="x")
        case.choose_identity_method(Method.VERIFICATION_CODE)
        case.record_identity(
            IdentityOutcome.VERIFIED, method=Method.VERIFICATION_CODE, reasoning="Code klopte."
        )
        details = [event_detail(event) for event in case.events()]
        summary_text = identity_summary(case.identity())
    created = details[0]
    assert created.startswith("Ontvangen op 2 november 2026, per e-mail:")
    answers = next(d for d in details if "Met wachtwoord" in d or "wachtwoord" in d.lower())
    assert "True" not in answers and "ja" in answers
    assert not any("via Verificatiecode" in d or "via E-mail" in d for d in details)
    assert summary_text.startswith("Identiteit vastgesteld met een verificatiecode (")
