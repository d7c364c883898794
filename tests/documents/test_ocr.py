"""OCR, where Tesseract is installed: the MRZ and BSNs are found and boxed, through pipes, not files."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from PIL import Image

from dsr_desk.documents.id_copy import FILL, masked_copy
from dsr_desk.documents.ocr import find_sensitive, tesseract_available
from dsr_desk.rules.mrz import parse_mrz
from tests.support.cards import MRZ, specimen_card_back, specimen_card_front

pytestmark = pytest.mark.skipif(not tesseract_available(), reason="no Tesseract (make test installs it)")


def test_the_mrz_is_read_and_its_bsn_field_boxed():
    card = specimen_card_back()
    findings = find_sensitive(card)
    assert findings.mrz_lines == MRZ
    assert parse_mrz(list(findings.mrz_lines)).checks_ok
    [mrz_box] = [box for box in findings.boxes if box.label == "mrz_bsn"]
    # Characters 16-30 of line 1: the box starts in the middle of the line and runs to its end.
    assert card.width * 0.45 < mrz_box.x < card.width * 0.55 and mrz_box.x + mrz_box.width > card.width * 0.9


def test_a_printed_bsn_is_boxed_and_masking_the_boxes_hides_it():
    card = specimen_card_front()
    findings = find_sensitive(card)
    [bsn] = [box for box in findings.boxes if box.label == "bsn"]
    masked = Image.open(io.BytesIO(masked_copy(card, list(findings.boxes), "KOPIE"))).convert("RGB")
    assert masked.getpixel((bsn.x + bsn.width // 2, bsn.y + bsn.height // 2)) == FILL
    assert find_sensitive(masked).boxes == ()  # nothing left to find


def test_ocr_writes_no_temp_files(own_temp_folder):
    assert Path(tempfile.gettempdir()) == own_temp_folder  # Tesseract's TMPDIR too
    before = set(own_temp_folder.iterdir())
    find_sensitive(specimen_card_back())
    assert set(own_temp_folder.iterdir()) == before
